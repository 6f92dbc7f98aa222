/**
 * The plain data the router works on and the decision it returns. The router itself is a
 * pure function over these types (no database, no Nest), so it is fast and easy to test.
 */

export interface OrganisationRef {
  id: string;
  code: string;
  name: string;
}

export interface ContractRef {
  id: string;
  code: string;
  name: string;
}

/** GTFS route_type groups the router understands as a traveller's mode hint. */
export const TRAFFIC_MODES = ['bus', 'rail', 'tram', 'metro', 'ferry', 'taxi'] as const;
export type TrafficMode = (typeof TRAFFIC_MODES)[number];

export interface RouteInfo {
  routeId: string;
  agencyId: string;
  agencyName: string;
  shortName: string;
  longName: string;
  /** GTFS route_type: 0-7 basic, or 100-1700 extended (100-199 rail, 700-799 bus, 1000 ferry, 1500+/717 taxi…). */
  type: number;
  description: string;
}

/** Who runs a route on which services, from trips.txt joined with attributions.txt. */
export interface RouteOperator {
  routeId: string;
  /** attributions.txt organization_name, as written in the feed. */
  operatorName: string;
  serviceIds: string[];
}

/** One service_id of calendar.txt and calendar_dates.txt; dates are 'YYYY-MM-DD'. */
export interface ServiceCalendar {
  serviceId: string;
  /** Monday first, as calendar.txt lists them. */
  weekdays: [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
  startDate: string | null;
  endDate: string | null;
  added: string[];
  removed: string[];
}

/** Stops and the routes that call at them (from stop_times.txt, where a feed has it). */
export interface StopInfo {
  stopId: string;
  name: string;
  routeIds: string[];
}

export interface ContractScope {
  /** GTFS agency_ids whose routes are in scope. */
  agencies: string[];
  /** GTFS route_ids in scope. */
  routes: string[];
  /** route_short_names in scope (within `agencies` when those are given). */
  lines: string[];
  /** attributions.txt organization_names: when given, only trips run by these are in scope. */
  operatorNames: string[];
}

export interface ContractInfo {
  id: string;
  code: string;
  name: string;
  operator: OrganisationRef;
  /** Inclusive 'YYYY-MM-DD' dates; validTo null means open-ended. */
  validFrom: string;
  validTo: string | null;
  mode: TrafficMode;
  regime: 'bus' | 'rail';
  scope: ContractScope;
  /** Category code → organisation code; `default` for every other category. */
  responsibility: { default: string; rules: Record<string, string> };
}

export interface RoutingIndexData {
  timeZone: string;
  authority: OrganisationRef;
  organisations: OrganisationRef[];
  categories: Array<{ code: string; label: { sv: string; en: string } }>;
  /** Lowercased alias ("röd linje", "upptåget") → route short names. */
  lineAliases: Record<string, string[]>;
  /** For cases with no contract: category code → organisation code (e.g. fares → the authority). */
  withoutContract: Record<string, string>;
  routes: RouteInfo[];
  routeOperators: RouteOperator[];
  services: ServiceCalendar[];
  stops: StopInfo[];
  contracts: ContractInfo[];
}

export interface RoutingRequest {
  /** The line as the traveller typed it: "4", "linje 4", "buss 4", "4:an", "Röd linje". */
  line?: string;
  /** A stop name or GTFS stop_id. */
  stop?: string;
  mode?: TrafficMode;
  category?: string;
  /** When it happened; the contract valid then decides. */
  occurredAt?: Date;
  /** When it was reported; stands in for occurredAt when that is missing. */
  receivedAt: Date;
  /** Organisations a transfer has ruled out. */
  excludeOrganisationIds?: string[];
}

export type RoutingConfidence = 'high' | 'medium' | 'low';

export interface RoutingDecision {
  contract: ContractRef | null;
  /** Who answers; on triage the authority (its triage queue). */
  responsible: OrganisationRef;
  triage: boolean;
  confidence: RoutingConfidence;
  /** Plain words, one step each: "line 4 → route 9011003000400000 (agency …)". */
  reasons: string[];
  /** Contracts that could be it, when the data left more than one. */
  candidates: ContractRef[];
  /** The GTFS route the line was matched to, when exactly one was. */
  route: { routeId: string; shortName: string } | null;
}
