import { normaliseFreeText } from './line-text';
import type {
  ContractInfo,
  ContractRef,
  OrganisationRef,
  RouteInfo,
  RouteOperator,
  RoutingIndexData,
  StopInfo,
} from './routing.model';
import { assertTimeZone, compileService, type CompiledService } from './service-calendar';

/** One operator of a route with the calendars of the services it runs there. */
export interface OperatorOfRoute {
  operatorName: string;
  /** The name normalised, to match a contract's `operatorNames`. */
  nameKey: string;
  services: readonly CompiledService[];
}

/** A contract with its scope's operator names ready for look-up. */
export interface IndexedContract {
  info: ContractInfo;
  ref: ContractRef;
  /** Normalised attributions names; empty means every operator of the route. */
  operatorNames: ReadonlySet<string>;
}

/** Short names an alias stands for and the routes that carry them. */
export interface AliasedRoutes {
  shortNames: readonly string[];
  routes: readonly RouteInfo[];
}

interface IndexTables {
  timeZone: string;
  authority: OrganisationRef;
  organisationsByCode: ReadonlyMap<string, OrganisationRef>;
  withoutContract: ReadonlyMap<string, string>;
  routesByShortName: ReadonlyMap<string, readonly RouteInfo[]>;
  routesByLongName: ReadonlyMap<string, readonly RouteInfo[]>;
  routesByAlias: ReadonlyMap<string, AliasedRoutes>;
  operatorsByRoute: ReadonlyMap<string, readonly OperatorOfRoute[]>;
  contractsByRoute: ReadonlyMap<string, readonly IndexedContract[]>;
  routeIdsByStopId: ReadonlyMap<string, ReadonlySet<string>>;
  routeIdsByStopName: ReadonlyMap<string, ReadonlySet<string>>;
}

const NOTHING: readonly never[] = [];

/** Code-point order: the same on every machine, whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byRouteId(a: RouteInfo, b: RouteInfo): number {
  return compareText(a.routeId, b.routeId);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function sortedRouteGroups(
  routes: readonly RouteInfo[],
  keyOf: (route: RouteInfo) => string,
): Map<string, RouteInfo[]> {
  const groups = groupBy(routes, keyOf);
  // GTFS lets a route leave its short or long name empty; an empty text names no route.
  groups.delete('');
  for (const group of groups.values()) group.sort(byRouteId);
  return groups;
}

function indexAliases(
  aliases: Record<string, string[]>,
  routesByShortName: ReadonlyMap<string, readonly RouteInfo[]>,
): Map<string, AliasedRoutes> {
  const byAlias = new Map<string, AliasedRoutes>();
  for (const [alias, shortNames] of Object.entries(aliases)) {
    const routes = shortNames.flatMap(
      (name) => routesByShortName.get(normaliseFreeText(name)) ?? [],
    );
    const unique = [...new Set(routes)].sort(byRouteId);
    byAlias.set(normaliseFreeText(alias), { shortNames, routes: unique });
  }
  return byAlias;
}

function indexOperators(
  rows: readonly RouteOperator[],
  services: ReadonlyMap<string, CompiledService>,
): Map<string, OperatorOfRoute[]> {
  // A feed may list one operator of a route in several rows: merge them by name.
  const serviceIds = new Map<string, Map<string, Set<string>>>();
  for (const row of rows) {
    const byOperator = serviceIds.get(row.routeId) ?? new Map<string, Set<string>>();
    serviceIds.set(row.routeId, byOperator);
    const ids = byOperator.get(row.operatorName) ?? new Set<string>();
    byOperator.set(row.operatorName, ids);
    for (const id of row.serviceIds) ids.add(id);
  }
  const operatorsByRoute = new Map<string, OperatorOfRoute[]>();
  for (const [routeId, byOperator] of serviceIds) {
    const operators = [...byOperator].map(([operatorName, ids]) => ({
      operatorName,
      nameKey: normaliseFreeText(operatorName),
      // A service_id missing from the calendars never runs; dropping it here saves look-ups later.
      services: [...ids].flatMap((id) => services.get(id) ?? []),
    }));
    operators.sort((a, b) => compareText(a.operatorName, b.operatorName));
    operatorsByRoute.set(routeId, operators);
  }
  return operatorsByRoute;
}

/** The routes a contract's scope names, whatever the date and operator. */
function routesInScope(
  contract: ContractInfo,
  routesById: ReadonlyMap<string, RouteInfo>,
  routesByShortName: ReadonlyMap<string, readonly RouteInfo[]>,
  routesByAgency: ReadonlyMap<string, readonly RouteInfo[]>,
): Set<RouteInfo> {
  const { agencies, routes, lines } = contract.scope;
  const inScope = new Set<RouteInfo>();
  for (const routeId of routes) {
    const route = routesById.get(routeId);
    if (route) inScope.add(route);
  }
  for (const line of lines) {
    for (const route of routesByShortName.get(normaliseFreeText(line)) ?? NOTHING) {
      if (agencies.length === 0 || agencies.includes(route.agencyId)) inScope.add(route);
    }
  }
  if (lines.length === 0 && routes.length === 0) {
    for (const agencyId of agencies) {
      for (const route of routesByAgency.get(agencyId) ?? NOTHING) inScope.add(route);
    }
  }
  return inScope;
}

function indexContracts(
  contracts: readonly ContractInfo[],
  routes: readonly RouteInfo[],
  routesByShortName: ReadonlyMap<string, readonly RouteInfo[]>,
): Map<string, IndexedContract[]> {
  const routesById = new Map(routes.map((route) => [route.routeId, route]));
  const routesByAgency = groupBy(routes, (route) => route.agencyId);
  const contractsByRoute = new Map<string, IndexedContract[]>();
  const ordered = [...contracts].sort(
    (a, b) => compareText(a.code, b.code) || compareText(a.id, b.id),
  );
  for (const info of ordered) {
    const indexed: IndexedContract = {
      info,
      ref: { id: info.id, code: info.code, name: info.name },
      operatorNames: new Set(info.scope.operatorNames.map(normaliseFreeText)),
    };
    for (const route of routesInScope(info, routesById, routesByShortName, routesByAgency)) {
      const covering = contractsByRoute.get(route.routeId);
      if (covering) covering.push(indexed);
      else contractsByRoute.set(route.routeId, [indexed]);
    }
  }
  return contractsByRoute;
}

function routeIdSets(
  stops: readonly StopInfo[],
  keyOf: (stop: StopInfo) => string,
): Map<string, Set<string>> {
  // Several stops share a name (platforms, both sides of a street): their routes are pooled.
  const sets = new Map<string, Set<string>>();
  for (const stop of stops) {
    const key = keyOf(stop);
    if (key === '') continue;
    const routeIds = sets.get(key) ?? new Set<string>();
    sets.set(key, routeIds);
    for (const routeId of stop.routeIds) routeIds.add(routeId);
  }
  return sets;
}

/** Everything the router looks up, precomputed once per feed and contract set; O(data) to build. */
export class RoutingIndex {
  private constructor(private readonly tables: IndexTables) {}

  static build(data: RoutingIndexData): RoutingIndex {
    assertTimeZone(data.timeZone);
    const services = new Map(
      data.services.map((service) => [service.serviceId, compileService(service)]),
    );
    const routesByShortName = sortedRouteGroups(data.routes, (r) => normaliseFreeText(r.shortName));
    const organisationsByCode = new Map(data.organisations.map((org) => [org.code, org]));
    if (!organisationsByCode.has(data.authority.code)) {
      organisationsByCode.set(data.authority.code, data.authority);
    }
    return new RoutingIndex({
      timeZone: data.timeZone,
      authority: data.authority,
      organisationsByCode,
      withoutContract: new Map(Object.entries(data.withoutContract)),
      routesByShortName,
      routesByLongName: sortedRouteGroups(data.routes, (r) => normaliseFreeText(r.longName)),
      routesByAlias: indexAliases(data.lineAliases, routesByShortName),
      operatorsByRoute: indexOperators(data.routeOperators, services),
      contractsByRoute: indexContracts(data.contracts, data.routes, routesByShortName),
      routeIdsByStopId: routeIdSets(data.stops, (stop) => stop.stopId),
      routeIdsByStopName: routeIdSets(data.stops, (stop) => normaliseFreeText(stop.name)),
    });
  }

  get timeZone(): string {
    return this.tables.timeZone;
  }

  get authority(): OrganisationRef {
    return this.tables.authority;
  }

  organisation(code: string): OrganisationRef | undefined {
    return this.tables.organisationsByCode.get(code);
  }

  /** The organisation code for a category when no contract applies. */
  withoutContractFor(category: string): string | undefined {
    return this.tables.withoutContract.get(category);
  }

  /** Routes whose short name is the text, normalised as `normaliseFreeText` does. */
  routesWithShortName(text: string): readonly RouteInfo[] {
    return this.tables.routesByShortName.get(normaliseFreeText(text)) ?? NOTHING;
  }

  routesWithLongName(text: string): readonly RouteInfo[] {
    return this.tables.routesByLongName.get(normaliseFreeText(text)) ?? NOTHING;
  }

  routesByAlias(text: string): AliasedRoutes | undefined {
    return this.tables.routesByAlias.get(normaliseFreeText(text));
  }

  operatorsOf(routeId: string): readonly OperatorOfRoute[] {
    return this.tables.operatorsByRoute.get(routeId) ?? NOTHING;
  }

  /** Contracts whose scope names the route, in code order; date and operators still to check. */
  contractsCovering(routeId: string): readonly IndexedContract[] {
    return this.tables.contractsByRoute.get(routeId) ?? NOTHING;
  }

  /** Route ids calling at a stop given by id or by name; undefined when no stop matches. */
  routeIdsAtStop(stop: string): ReadonlySet<string> | undefined {
    return (
      this.tables.routeIdsByStopId.get(stop.trim()) ??
      this.tables.routeIdsByStopName.get(normaliseFreeText(stop))
    );
  }
}
