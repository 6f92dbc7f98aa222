import { matchRoutes } from './route-matching';
import type { IndexedContract, OperatorOfRoute, RoutingIndex } from './routing-index';
import type {
  ContractRef,
  OrganisationRef,
  RouteInfo,
  RoutingDecision,
  RoutingRequest,
} from './routing.model';
import { describeContract, describeOrganisation, describeValidity } from './routing-reasons';
import { runsOn, serviceDayOf, type ServiceDay } from './service-calendar';

export { RoutingIndex } from './routing-index';

/** What one decision needs at hand; `reasons` grows step by step as the router goes. */
interface Decision {
  index: RoutingIndex;
  request: RoutingRequest;
  day: ServiceDay;
  excluded: ReadonlySet<string>;
  reasons: string[];
}

/** Which contract and organisation answer a traveller's case, with the steps that led there. */
export function route(index: RoutingIndex, request: RoutingRequest): RoutingDecision {
  const reasons: string[] = [];
  const decision: Decision = {
    index,
    request,
    day: eventDay(index, request, reasons),
    excluded: new Set(request.excludeOrganisationIds),
    reasons,
  };
  const routes = matchRoutes(index, request, reasons);
  if (routes.length === 1) return decideForRoute(decision, routes[0]);
  return decideWithoutContract(decision, null, candidatesOfRoutes(decision, routes));
}

function eventDay(index: RoutingIndex, request: RoutingRequest, reasons: string[]): ServiceDay {
  const occurred = request.occurredAt && serviceDayOf(request.occurredAt, index.timeZone);
  if (occurred) {
    reasons.push(`event date ${occurred.date} (when it happened)`);
    return occurred;
  }
  const received = serviceDayOf(request.receivedAt, index.timeZone);
  if (!received) throw new RangeError('receivedAt is not a valid date');
  reasons.push(`event date ${received.date} (when it was reported; no time of the event given)`);
  return received;
}

// ---- route → operators → contracts ----

function decideForRoute(decision: Decision, route: RouteInfo): RoutingDecision {
  const all = decision.index.operatorsOf(route.routeId);
  const running = operatorsRunning(decision, route, all);
  const covering = decision.index.contractsCovering(route.routeId);
  const inForce = contractsInForce(covering, decision.day, running);
  const contracts = withoutExcludedOperators(decision, inForce);

  if (contracts.length === 0) {
    explainNoContract(decision, route, covering, inForce, running);
    return decideWithoutContract(decision, route, []);
  }
  if (contracts.length > 1) {
    decision.reasons.push(
      `${contracts.length} contracts fit: ${contracts.map((c) => describeContract(c.info)).join(', ')}`,
    );
    return triage(
      decision,
      route,
      null,
      contracts.map((c) => c.ref),
    );
  }
  // Medium when only the day's timetable told the operators' contracts apart.
  const calendarNeeded =
    running.length < all.length &&
    withoutExcludedOperators(decision, contractsInForce(covering, decision.day, all), false)
      .length > 1;
  return decideByContract(decision, route, contracts[0], calendarNeeded ? 'medium' : 'high');
}

function operatorsRunning(
  decision: Decision,
  route: RouteInfo,
  operators: readonly OperatorOfRoute[],
): readonly OperatorOfRoute[] {
  const { day, reasons } = decision;
  if (operators.length === 0) {
    reasons.push(`the feed names no operator for route ${route.routeId}`);
    return operators;
  }
  const running = operators.filter((op) => op.services.some((service) => runsOn(service, day)));
  if (running.length === 0) {
    reasons.push(
      `no trip of the route runs on ${day.date} in the feed; all its operators considered`,
    );
    return operators;
  }
  reasons.push(`route runs on ${day.date} by ${running.map((op) => op.operatorName).join(', ')}`);
  return running;
}

function isValidOn(contract: IndexedContract, day: ServiceDay): boolean {
  const { validFrom, validTo } = contract.info;
  return validFrom <= day.date && (validTo === null || day.date <= validTo);
}

function coversOperators(
  contract: IndexedContract,
  operators: readonly OperatorOfRoute[],
): boolean {
  if (contract.operatorNames.size === 0) return true;
  return operators.some((op) => contract.operatorNames.has(op.nameKey));
}

function contractsInForce(
  covering: readonly IndexedContract[],
  day: ServiceDay,
  operators: readonly OperatorOfRoute[],
): IndexedContract[] {
  return covering.filter((c) => isValidOn(c, day) && coversOperators(c, operators));
}

function withoutExcludedOperators(
  decision: Decision,
  contracts: readonly IndexedContract[],
  explain = true,
): readonly IndexedContract[] {
  if (decision.excluded.size === 0) return contracts;
  return contracts.filter((c) => {
    const excluded = decision.excluded.has(c.info.operator.id);
    if (excluded && explain) {
      decision.reasons.push(
        `contract ${describeContract(c.info)} set aside: its operator ${c.info.operator.name} is ruled out by a transfer`,
      );
    }
    return !excluded;
  });
}

/** Says why no contract is left; the per-contract detail only when it is the whole story. */
function explainNoContract(
  decision: Decision,
  route: RouteInfo,
  covering: readonly IndexedContract[],
  inForce: readonly IndexedContract[],
  running: readonly OperatorOfRoute[],
): void {
  const { day, reasons } = decision;
  if (inForce.length > 0) {
    reasons.push(`no contract left for route ${route.routeId} after the transfer`);
    return;
  }
  for (const contract of covering) {
    if (!isValidOn(contract, day)) {
      reasons.push(
        `contract ${describeContract(contract.info)} is ${describeValidity(contract.info)}`,
      );
    } else if (!coversOperators(contract, running)) {
      reasons.push(
        `contract ${describeContract(contract.info)} covers only trips by ${contract.info.scope.operatorNames.join(', ')}`,
      );
    }
  }
  reasons.push(
    `route ${route.routeId} (${route.shortName}) is in no contract valid on ${day.date}`,
  );
}

// ---- contract → responsible organisation ----

function decideByContract(
  decision: Decision,
  route: RouteInfo,
  contract: IndexedContract,
  confidence: 'high' | 'medium',
): RoutingDecision {
  const { index, request, reasons, excluded } = decision;
  const { info } = contract;
  reasons.push(`→ contract ${describeContract(info)}, ${describeValidity(info)}`);
  const code =
    request.category === undefined
      ? info.responsibility.default
      : (info.responsibility.rules[request.category] ?? info.responsibility.default);
  const responsible = index.organisation(code);
  if (!responsible) {
    reasons.push(
      `contract ${info.code} names organisation "${code}", which is not in the directory`,
    );
    return triage(decision, route, contract.ref, []);
  }
  const category =
    request.category === undefined ? 'no category given' : `category ${request.category}`;
  reasons.push(`${category} → ${describeOrganisation(responsible, index.authority, info)}`);
  if (excluded.has(responsible.id)) {
    reasons.push(`${responsible.name} is ruled out by a transfer`);
    return triage(decision, route, contract.ref, []);
  }
  return {
    contract: contract.ref,
    responsible,
    triage: false,
    confidence,
    reasons,
    candidates: [],
    route: routeRef(route),
  };
}

/** No contract decides: a category handled the same everywhere (fares → the authority), or triage. */
function decideWithoutContract(
  decision: Decision,
  route: RouteInfo | null,
  candidates: ContractRef[],
): RoutingDecision {
  const { index, request, reasons, excluded } = decision;
  const category = request.category;
  const code = category === undefined ? undefined : index.withoutContractFor(category);
  if (category === undefined || code === undefined)
    return triage(decision, route, null, candidates);

  const responsible = index.organisation(code);
  if (!responsible) {
    reasons.push(
      `category ${category} names organisation "${code}", which is not in the directory`,
    );
    return triage(decision, route, null, candidates);
  }
  reasons.push(
    `category ${category} without a contract → ${describeOrganisation(responsible, index.authority)}`,
  );
  if (excluded.has(responsible.id)) {
    reasons.push(`${responsible.name} is ruled out by a transfer`);
    return triage(decision, route, null, candidates);
  }
  return {
    contract: null,
    responsible,
    triage: false,
    confidence: 'medium',
    reasons,
    candidates: [],
    route: routeRef(route),
  };
}

/** The authority's triage queue decides; the router never guesses. */
function triage(
  decision: Decision,
  route: RouteInfo | null,
  contract: ContractRef | null,
  candidates: ContractRef[],
): RoutingDecision {
  const authority: OrganisationRef = decision.index.authority;
  decision.reasons.push(`→ triage by ${authority.name}`);
  return {
    contract,
    responsible: authority,
    triage: true,
    confidence: 'low',
    reasons: decision.reasons,
    candidates,
    route: routeRef(route),
  };
}

/** For a line shared by several routes: every contract one of them is in on the day, for triage. */
function candidatesOfRoutes(decision: Decision, routes: readonly RouteInfo[]): ContractRef[] {
  const candidates = new Map<string, ContractRef>();
  for (const r of routes) {
    const operators = decision.index.operatorsOf(r.routeId);
    const inForce = contractsInForce(
      decision.index.contractsCovering(r.routeId),
      decision.day,
      operators,
    );
    for (const contract of withoutExcludedOperators(decision, inForce, false)) {
      candidates.set(contract.ref.id, contract.ref);
    }
  }
  return [...candidates.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function routeRef(route: RouteInfo | null): RoutingDecision['route'] {
  return route && { routeId: route.routeId, shortName: route.shortName };
}
