import { parseLineText, type ParsedLine } from './line-text';
import { routeTypeFitsMode } from './route-type';
import type { RoutingIndex } from './routing-index';
import type { RouteInfo, RoutingRequest, TrafficMode } from './routing.model';
import { describeRoutes } from './routing-reasons';

/**
 * The routes a traveller's line text names, narrowed by a mode and then, when a short name is
 * shared, by a stop; each step adds its reason.
 */
export function matchRoutes(
  index: RoutingIndex,
  request: RoutingRequest,
  reasons: string[],
): readonly RouteInfo[] {
  const line = request.line?.trim() ?? '';
  if (line === '') {
    reasons.push('no line given');
    return [];
  }
  const parsed = parseLineText(line);
  const { routes: named, via } = routesNamedBy(index, parsed);
  if (named.length === 0) {
    reasons.push(`line "${line}" matches no route in the feed`);
    return named;
  }
  reasons.push(
    named.length === 1
      ? `line "${line}"${via} → ${describeRoutes(named)}`
      : `line "${line}"${via} matches ${describeRoutes(named)}`,
  );
  const mode = request.mode ?? parsed.mode;
  const ofMode = mode ? keepMode(reasons, named, mode) : named;
  const atStop =
    ofMode.length > 1 && request.stop ? keepAtStop(index, request.stop, ofMode, reasons) : ofMode;
  if (named.length > 1 && atStop.length === 1) reasons.push(`→ ${describeRoutes(atStop)}`);
  return atStop;
}

/** Whole text as a short name ("SL-tåg", "L4"), then the parsed key, then aliases, then long names. */
function routesNamedBy(
  index: RoutingIndex,
  parsed: ParsedLine,
): { routes: readonly RouteInfo[]; via: string } {
  const text = parsed.alias ?? '';
  const exact = index.routesWithShortName(text);
  if (exact.length > 0) return { routes: exact, via: '' };
  const byKey = parsed.key === null ? [] : index.routesWithShortName(parsed.key);
  if (byKey.length > 0) return { routes: byKey, via: '' };
  const aliased = index.routesByAlias(text);
  if (aliased && aliased.routes.length > 0) {
    return { routes: aliased.routes, via: ` (alias of ${aliased.shortNames.join(', ')})` };
  }
  return { routes: index.routesWithLongName(text), via: ' (long name)' };
}

function keepMode(
  reasons: string[],
  routes: readonly RouteInfo[],
  mode: TrafficMode,
): readonly RouteInfo[] {
  const kept = routes.filter((r) => routeTypeFitsMode(r.type, mode));
  const ruledOut = routes.filter((r) => !kept.includes(r));
  if (ruledOut.length > 0) reasons.push(`mode ${mode} rules out ${describeRoutes(ruledOut)}`);
  return kept;
}

/** Narrows a shared short name to the routes calling at the stop; a stop that helps nothing is ignored. */
function keepAtStop(
  index: RoutingIndex,
  stop: string,
  routes: readonly RouteInfo[],
  reasons: string[],
): readonly RouteInfo[] {
  const routeIds = index.routeIdsAtStop(stop);
  if (!routeIds) {
    reasons.push(`stop "${stop}" is not in the feed`);
    return routes;
  }
  const kept = routes.filter((r) => routeIds.has(r.routeId));
  if (kept.length === 0) {
    reasons.push(`stop "${stop}" is served by none of them in the feed`);
    return routes;
  }
  const ruledOut = routes.filter((r) => !kept.includes(r));
  if (ruledOut.length > 0) {
    reasons.push(`stop "${stop}" rules out ${describeRoutes(ruledOut)}`);
  }
  return kept;
}
