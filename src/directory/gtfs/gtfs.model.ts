/** What a GTFS feed yields once read and checked: the rows the directory stores. */

export interface GtfsAgencyRow {
  agencyId: string;
  name: string;
  url: string;
  timezone: string;
}

export interface GtfsRouteRow {
  routeId: string;
  agencyId: string;
  shortName: string;
  longName: string;
  type: number;
  description: string;
}

export interface GtfsStopRow {
  stopId: string;
  name: string;
  lat: number | null;
  lon: number | null;
  locationType: number;
  parentStation: string | null;
}

export interface GtfsTripRow {
  tripId: string;
  routeId: string;
  serviceId: string;
  directionId: number | null;
  headsign: string;
}

export interface GtfsAttributionRow {
  /** The trip the attribution names (rows that name only a route or agency are kept with tripId null). */
  tripId: string | null;
  routeId: string | null;
  agencyId: string | null;
  organizationName: string;
  isOperator: boolean;
}

export interface GtfsCalendarRow {
  serviceId: string;
  weekdays: [boolean, boolean, boolean, boolean, boolean, boolean, boolean];
  startDate: string;
  endDate: string;
}

export interface GtfsCalendarDateRow {
  serviceId: string;
  date: string;
  /** 1 = service added on that date, 2 = removed. */
  exceptionType: 1 | 2;
}

/** Distinct (stop, route) pairs from stop_times.txt joined with trips.txt. */
export interface GtfsStopRouteRow {
  stopId: string;
  routeId: string;
}

export interface GtfsFeed {
  version: string | null;
  publisher: string | null;
  agencies: GtfsAgencyRow[];
  routes: GtfsRouteRow[];
  stops: GtfsStopRow[];
  trips: GtfsTripRow[];
  attributions: GtfsAttributionRow[];
  calendar: GtfsCalendarRow[];
  calendarDates: GtfsCalendarDateRow[];
  stopRoutes: GtfsStopRouteRow[];
  /** Defects tolerated with a warning (e.g. a repeated agency row): file, line, reason. */
  warnings: GtfsProblem[];
}

export interface GtfsProblem {
  file: string;
  /** 1-based line in the file (the header is line 1); null for a missing file. */
  line: number | null;
  reason: string;
}
