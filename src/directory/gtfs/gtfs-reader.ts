import { GTFS_TABLES, GtfsProblemLog, WEEKDAYS, readGtfsTable } from './gtfs-csv';
import type { GtfsRow, GtfsTableSpec, GtfsTableStatus } from './gtfs-csv';
import { openGtfsSource } from './gtfs-source';
import type { GtfsSource } from './gtfs-source';
import type {
  GtfsAgencyRow,
  GtfsAttributionRow,
  GtfsCalendarDateRow,
  GtfsCalendarRow,
  GtfsFeed,
  GtfsProblem,
  GtfsRouteRow,
  GtfsStopRouteRow,
  GtfsStopRow,
  GtfsTripRow,
} from './gtfs.model';

export type GtfsReadResult = { ok: true; feed: GtfsFeed } | { ok: false; errors: GtfsProblem[] };

/**
 * Reads and checks a GTFS feed: a folder of `*.txt` files or a `.zip` of them. Either the whole
 * feed comes back, or every problem found (file, line, reason), capped at MAX_LISTED_ERRORS.
 */
export async function readGtfsFeed(path: string): Promise<GtfsReadResult> {
  const opened = await openGtfsSource(path);
  if (!opened.ok) return { ok: false, errors: [opened.error] };
  try {
    return await new GtfsFeedReading(opened.source).read();
  } finally {
    opened.source.close();
  }
}

/** A row id, and the set of ids it must be one of (checked only when that file was read whole). */
interface IdIndex {
  file: string;
  lines: Map<string, number>;
  status: GtfsTableStatus;
}

function idIndex(file: string): IdIndex {
  return { file, lines: new Map(), status: 'absent' };
}

/** One pass over a feed: files are read in dependency order so that references can be checked. */
class GtfsFeedReading {
  private readonly problems = new GtfsProblemLog();
  private readonly feed: GtfsFeed = {
    version: null,
    publisher: null,
    agencies: [],
    routes: [],
    stops: [],
    trips: [],
    attributions: [],
    calendar: [],
    calendarDates: [],
    stopRoutes: [],
    warnings: [],
  };
  private readonly agencyIds = idIndex(GTFS_TABLES.agency.file);
  private readonly routeIds = idIndex(GTFS_TABLES.routes.file);
  private readonly stopIds = idIndex(GTFS_TABLES.stops.file);
  private readonly tripIds = idIndex(GTFS_TABLES.trips.file);
  private readonly routeOfTrip = new Map<string, string>();

  constructor(private readonly source: GtfsSource) {}

  async read(): Promise<GtfsReadResult> {
    await this.readAgencies();
    await this.readRoutes();
    await this.readStops();
    await this.readTrips();
    await this.readAttributions();
    await this.readCalendar();
    await this.readCalendarDates();
    await this.readFeedInfo();
    await this.readStopRoutes();
    if (this.problems.hasErrors) return { ok: false, errors: this.problems.listErrors() };
    return { ok: true, feed: { ...this.feed, warnings: this.problems.listWarnings() } };
  }

  private async readTable(
    spec: GtfsTableSpec,
    onRow: (row: GtfsRow) => void,
  ): Promise<GtfsTableStatus> {
    if (!this.source.has(spec.file)) {
      if (spec.required) this.problems.error(spec.file, null, 'is missing');
      return 'absent';
    }
    try {
      const stream = await this.source.open(spec.file);
      return await readGtfsTable(stream, spec, this.problems, onRow);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.problems.error(spec.file, null, `cannot be read (${detail})`);
      return 'unusable';
    }
  }

  private async readAgencies(): Promise<void> {
    const firstRows = new Map<string, GtfsRow>();
    const linesWithoutId: number[] = [];
    this.agencyIds.status = await this.readTable(GTFS_TABLES.agency, (row) => {
      const agencyId = row.text('agency_id');
      const first = firstRows.get(agencyId);
      if (first) {
        this.checkRepeatedAgency(row, first, agencyId);
        return;
      }
      // agency_id may be left out only in a single-agency feed: known once the file is read.
      if (agencyId === '') {
        linesWithoutId.push(row.line);
      } else {
        firstRows.set(agencyId, row);
        this.agencyIds.lines.set(agencyId, row.line);
      }
      const agency: GtfsAgencyRow = {
        agencyId,
        name: row.required('agency_name'),
        url: row.required('agency_url'),
        timezone: row.required('agency_timezone'),
      };
      if (row.isValid) this.feed.agencies.push(agency);
    });
    if (this.agencyIds.lines.size + linesWithoutId.length < 2) return;
    const reason = 'agency_id is empty in a feed with several agencies';
    for (const line of linesWithoutId) this.problems.error(GTFS_TABLES.agency.file, line, reason);
  }

  // Some exporters write an agency twice; harmless when the rows agree, ambiguous when not.
  private checkRepeatedAgency(row: GtfsRow, first: GtfsRow, agencyId: string): void {
    const differing = row.columnsDifferingFrom(first);
    const repeats = `repeats agency_id ${agencyId} of line ${first.line}`;
    if (differing.length === 0) {
      this.problems.warn(GTFS_TABLES.agency.file, row.line, `${repeats} (identical row ignored)`);
    } else {
      row.fail(`${repeats} with other values (${differing.join(', ')})`);
    }
  }

  private async readRoutes(): Promise<void> {
    const soleAgencyId = this.feed.agencies.length === 1 ? this.feed.agencies[0].agencyId : null;
    this.routeIds.status = await this.readTable(GTFS_TABLES.routes, (row) => {
      const routeId = row.claimKey('route_id', this.routeIds.lines);
      const route: GtfsRouteRow = {
        routeId,
        agencyId: row.text('agency_id') || (soleAgencyId ?? ''),
        shortName: row.text('route_short_name'),
        longName: row.text('route_long_name'),
        type: routeTypeOf(row),
        description: row.text('route_desc'),
      };
      if (row.text('agency_id') === '' && this.feed.agencies.length > 1) {
        row.fail('agency_id is empty in a feed with several agencies');
      }
      this.checkReference(row, 'agency_id', this.agencyIds);
      if (route.shortName === '' && route.longName === '') {
        row.fail('has neither route_short_name nor route_long_name');
      }
      if (row.isValid) this.feed.routes.push(route);
    });
  }

  private async readStops(): Promise<void> {
    const parentReferences: { line: number; parentStation: string }[] = [];
    this.stopIds.status = await this.readTable(GTFS_TABLES.stops, (row) => {
      const stopId = row.claimKey('stop_id', this.stopIds.lines);
      const locationType = row.choice('location_type', [0, 1, 2, 3, 4], 0);
      // Generic nodes (3) and boarding areas (4) may go unnamed.
      const name = locationType <= 2 ? row.required('stop_name') : row.text('stop_name');
      const stop: GtfsStopRow = {
        stopId,
        name,
        lat: row.coordinate('stop_lat', 90),
        lon: row.coordinate('stop_lon', 180),
        locationType,
        parentStation: row.text('parent_station') || null,
      };
      const { parentStation } = stop;
      if (parentStation) parentReferences.push({ line: row.line, parentStation });
      if (row.isValid) this.feed.stops.push(stop);
    });
    if (this.stopIds.status !== 'complete') return;
    // A parent may come later in the file than its children, so this waits for the whole file.
    for (const { line, parentStation } of parentReferences) {
      if (this.stopIds.lines.has(parentStation)) continue;
      const reason = `parent_station ${parentStation} is not in stops.txt`;
      this.problems.error(GTFS_TABLES.stops.file, line, reason);
    }
  }

  private async readTrips(): Promise<void> {
    this.tripIds.status = await this.readTable(GTFS_TABLES.trips, (row) => {
      const trip: GtfsTripRow = {
        tripId: row.claimKey('trip_id', this.tripIds.lines),
        routeId: row.required('route_id'),
        serviceId: row.required('service_id'),
        directionId:
          row.text('direction_id') === '' ? null : row.choice('direction_id', [0, 1], null),
        headsign: row.text('trip_headsign'),
      };
      this.checkReference(row, 'route_id', this.routeIds);
      if (trip.tripId !== '') this.routeOfTrip.set(trip.tripId, trip.routeId);
      if (row.isValid) this.feed.trips.push(trip);
    });
  }

  private async readAttributions(): Promise<void> {
    await this.readTable(GTFS_TABLES.attributions, (row) => {
      const attribution: GtfsAttributionRow = {
        tripId: row.text('trip_id') || null,
        routeId: row.text('route_id') || null,
        agencyId: row.text('agency_id') || null,
        organizationName: row.required('organization_name'),
        isOperator: row.choice('is_operator', [0, 1], 0) === 1,
      };
      if (!attribution.tripId && !attribution.routeId && !attribution.agencyId) {
        row.fail('names none of trip_id, route_id, agency_id');
      }
      this.checkReference(row, 'trip_id', this.tripIds);
      this.checkReference(row, 'route_id', this.routeIds);
      this.checkReference(row, 'agency_id', this.agencyIds);
      if (row.isValid) this.feed.attributions.push(attribution);
    });
  }

  private async readCalendar(): Promise<void> {
    const serviceIds = new Map<string, number>();
    await this.readTable(GTFS_TABLES.calendar, (row) => {
      const service: GtfsCalendarRow = {
        serviceId: row.claimKey('service_id', serviceIds),
        weekdays: weekdaysOf(row),
        startDate: row.date('start_date'),
        endDate: row.date('end_date'),
      };
      if (row.isValid && service.endDate < service.startDate) {
        row.fail(`end_date ${row.text('end_date')} is before start_date ${row.text('start_date')}`);
      }
      if (row.isValid) this.feed.calendar.push(service);
    });
  }

  private async readCalendarDates(): Promise<void> {
    const firstLines = new Map<string, number>();
    await this.readTable(GTFS_TABLES.calendarDates, (row) => {
      const exception: GtfsCalendarDateRow = {
        serviceId: row.required('service_id'),
        date: row.date('date'),
        exceptionType: row.choice('exception_type', [1, 2], null),
      };
      const key = `${exception.serviceId} ${row.text('date')}`;
      row.claimKey('service_id and date', firstLines, key);
      if (row.isValid) this.feed.calendarDates.push(exception);
    });
  }

  private async readFeedInfo(): Promise<void> {
    let firstRowSeen = false;
    await this.readTable(GTFS_TABLES.feedInfo, (row) => {
      if (firstRowSeen) return;
      firstRowSeen = true;
      this.feed.version = row.text('feed_version') || null;
      this.feed.publisher = row.text('feed_publisher_name') || null;
    });
  }

  /** Which routes serve which stops; stop_times rows themselves are not kept (there may be millions). */
  private async readStopRoutes(): Promise<void> {
    if (!this.source.has(GTFS_TABLES.stopTimes.file)) return;
    if (this.tripIds.status === 'absent') {
      this.problems.error(GTFS_TABLES.stopTimes.file, null, 'needs trips.txt, which is missing');
      return;
    }
    const routesAtStop = new Map<string, Set<string>>();
    await this.readTable(GTFS_TABLES.stopTimes, (row) => {
      const stopId = row.required('stop_id');
      const routeId = this.routeOfTrip.get(row.required('trip_id'));
      this.checkReference(row, 'trip_id', this.tripIds);
      this.checkReference(row, 'stop_id', this.stopIds);
      if (!row.isValid || routeId === undefined) return;
      const routes = routesAtStop.get(stopId) ?? new Set<string>();
      routes.add(routeId);
      routesAtStop.set(stopId, routes);
    });
    this.feed.stopRoutes = stopRoutesOf(routesAtStop);
  }

  private checkReference(row: GtfsRow, column: string, target: IdIndex): void {
    const id = row.text(column);
    // Against a file that could not be read whole, every id would look dangling.
    if (id === '' || target.status !== 'complete' || target.lines.has(id)) return;
    row.fail(`${column} ${id} is not in ${target.file}`);
  }
}

function weekdaysOf(row: GtfsRow): GtfsCalendarRow['weekdays'] {
  const [mon, tue, wed, thu, fri, sat, sun] = WEEKDAYS.map(
    (day) => row.choice(day, [0, 1], null) === 1,
  );
  return [mon, tue, wed, thu, fri, sat, sun];
}

// Basic types 0-12, and the extended (Google / European HVT) types 100-1700.
function routeTypeOf(row: GtfsRow): number {
  const value = row.required('route_type');
  const type = Number(value);
  const isRouteType = /^\d+$/.test(value) && (type <= 12 || (type >= 100 && type <= 1700));
  if (value !== '' && !isRouteType) row.fail(`route_type "${value}" is not a GTFS route type`);
  return type;
}

function stopRoutesOf(routesAtStop: ReadonlyMap<string, ReadonlySet<string>>): GtfsStopRouteRow[] {
  const pairs: GtfsStopRouteRow[] = [];
  for (const [stopId, routeIds] of routesAtStop) {
    for (const routeId of routeIds) pairs.push({ stopId, routeId });
  }
  return pairs;
}
