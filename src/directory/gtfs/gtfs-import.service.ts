import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DirectoryEvents } from '../directory-events';
import { GtfsFeedRejectedError } from '../directory.errors';
import { readGtfsFeed } from './gtfs-reader';
import type { GtfsFeed, GtfsProblem } from './gtfs.model';

export interface GtfsImportSummary {
  feedId: number;
  version: string | null;
  agencies: number;
  routes: number;
  stops: number;
  routeOperators: number;
  services: number;
  warnings: GtfsProblem[];
}

const CHUNK = 5000;

/** Who runs each route, on which services: trips joined with their attributions. */
export function routeOperatorsOf(
  feed: GtfsFeed,
): Array<{ routeId: string; operatorName: string; serviceIds: string[]; trips: number }> {
  const tripById = new Map(feed.trips.map((trip) => [trip.tripId, trip]));
  const byKey = new Map<
    string,
    { routeId: string; operatorName: string; serviceIds: Set<string>; trips: number }
  >();
  const add = (routeId: string, operatorName: string, serviceIds: string[], trips: number) => {
    const key = `${routeId}\u0000${operatorName}`;
    const entry = byKey.get(key) ?? {
      routeId,
      operatorName,
      serviceIds: new Set<string>(),
      trips: 0,
    };
    serviceIds.forEach((id) => entry.serviceIds.add(id));
    entry.trips += trips;
    byKey.set(key, entry);
  };
  const tripsByRoute = new Map<string, typeof feed.trips>();
  for (const trip of feed.trips)
    tripsByRoute.set(trip.routeId, [...(tripsByRoute.get(trip.routeId) ?? []), trip]);
  const tripsOfRoute = (routeId: string) => tripsByRoute.get(routeId) ?? [];
  for (const attribution of feed.attributions) {
    if (!attribution.isOperator) continue;
    if (attribution.tripId) {
      const trip = tripById.get(attribution.tripId);
      if (trip) add(trip.routeId, attribution.organizationName, [trip.serviceId], 1);
    } else if (attribution.routeId) {
      const trips = tripsOfRoute(attribution.routeId);
      add(
        attribution.routeId,
        attribution.organizationName,
        trips.map((trip) => trip.serviceId),
        trips.length,
      );
    } else if (attribution.agencyId) {
      for (const route of feed.routes.filter((r) => r.agencyId === attribution.agencyId)) {
        const trips = tripsOfRoute(route.routeId);
        add(
          route.routeId,
          attribution.organizationName,
          trips.map((trip) => trip.serviceId),
          trips.length,
        );
      }
    }
  }
  return [...byKey.values()].map((entry) => ({
    ...entry,
    serviceIds: [...entry.serviceIds].sort(),
  }));
}

/** calendar.txt and calendar_dates.txt folded into one row per service. */
export function servicesOf(feed: GtfsFeed) {
  const services = new Map<
    string,
    {
      serviceId: string;
      weekdays: boolean[];
      startDate: string | null;
      endDate: string | null;
      added: string[];
      removed: string[];
    }
  >();
  for (const row of feed.calendar) {
    services.set(row.serviceId, {
      serviceId: row.serviceId,
      weekdays: [...row.weekdays],
      startDate: row.startDate,
      endDate: row.endDate,
      added: [],
      removed: [],
    });
  }
  for (const row of feed.calendarDates) {
    const service = services.get(row.serviceId) ?? {
      serviceId: row.serviceId,
      weekdays: [false, false, false, false, false, false, false],
      startDate: null,
      endDate: null,
      added: [],
      removed: [],
    };
    (row.exceptionType === 1 ? service.added : service.removed).push(row.date);
    services.set(row.serviceId, service);
  }
  return [...services.values()];
}

/**
 * Imports a GTFS feed (folder or .zip): read and checked whole, then written as a new
 * feed and swapped in for the old one in one transaction, so routing never sees half.
 */
@Injectable()
export class GtfsImportService {
  private readonly logger = new Logger(GtfsImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DirectoryEvents,
  ) {}

  async importPath(path: string): Promise<GtfsImportSummary> {
    const result = await readGtfsFeed(path);
    if (!result.ok) throw new GtfsFeedRejectedError(result.errors);
    return this.importFeed(result.feed, path);
  }

  async importFeed(feed: GtfsFeed, source: string): Promise<GtfsImportSummary> {
    const routeOperators = routeOperatorsOf(feed);
    const services = servicesOf(feed);
    const feedId = await this.dataSource.transaction(async (manager) => {
      const [{ id }] = await manager.query<{ id: number }[]>(
        'INSERT INTO gtfs_feeds (version, publisher, source) VALUES ($1, $2, $3) RETURNING id',
        [feed.version, feed.publisher, source],
      );
      await insertRows(
        manager,
        'gtfs_agencies',
        ['feed_id', 'agency_id', 'name', 'url', 'timezone'],
        ['int', 'text', 'text', 'text', 'text'],
        feed.agencies.map((a) => [id, a.agencyId, a.name, a.url, a.timezone]),
      );
      await insertRows(
        manager,
        'gtfs_routes',
        ['feed_id', 'route_id', 'agency_id', 'short_name', 'long_name', 'type', 'description'],
        ['int', 'text', 'text', 'text', 'text', 'int', 'text'],
        feed.routes.map((r) => [
          id,
          r.routeId,
          r.agencyId,
          r.shortName,
          r.longName,
          r.type,
          r.description,
        ]),
      );
      await insertRows(
        manager,
        'gtfs_stops',
        ['feed_id', 'stop_id', 'name', 'lat', 'lon', 'location_type', 'parent_station'],
        ['int', 'text', 'text', 'float8', 'float8', 'int', 'text'],
        feed.stops.map((s) => [
          id,
          s.stopId,
          s.name,
          s.lat,
          s.lon,
          s.locationType,
          s.parentStation,
        ]),
      );
      // Arrays go in as JSON text: unnest cannot take an array of arrays of differing lengths.
      await insertRows(
        manager,
        'gtfs_route_operators',
        ['feed_id', 'route_id', 'operator_name', 'service_ids', 'trips'],
        ['int', 'text', 'text', 'jsonb', 'int'],
        routeOperators.map((o) => [
          id,
          o.routeId,
          o.operatorName,
          JSON.stringify(o.serviceIds),
          o.trips,
        ]),
      );
      await insertRows(
        manager,
        'gtfs_services',
        ['feed_id', 'service_id', 'weekdays', 'start_date', 'end_date', 'added', 'removed'],
        ['int', 'text', 'jsonb', 'date', 'date', 'jsonb', 'jsonb'],
        services.map((s) => [
          id,
          s.serviceId,
          JSON.stringify(s.weekdays),
          s.startDate,
          s.endDate,
          JSON.stringify(s.added),
          JSON.stringify(s.removed),
        ]),
      );
      await insertRows(
        manager,
        'gtfs_stop_routes',
        ['feed_id', 'stop_id', 'route_id'],
        ['int', 'text', 'text'],
        feed.stopRoutes.map((sr) => [id, sr.stopId, sr.routeId]),
      );
      await manager.query('UPDATE gtfs_feeds SET active = (id = $1)', [id]);
      await manager.query('DELETE FROM gtfs_feeds WHERE id <> $1', [id]);
      return id;
    });
    this.logger.log(
      { feedId, version: feed.version, routes: feed.routes.length },
      'GTFS feed imported',
    );
    this.events.changed();
    return {
      feedId,
      version: feed.version,
      agencies: feed.agencies.length,
      routes: feed.routes.length,
      stops: feed.stops.length,
      routeOperators: routeOperators.length,
      services: services.length,
      warnings: feed.warnings,
    };
  }
}

const ARRAY_COLUMNS: Record<string, string> = {
  service_ids: 'ARRAY(SELECT jsonb_array_elements_text(v.service_ids))',
  weekdays: 'ARRAY(SELECT (jsonb_array_elements_text(v.weekdays))::boolean)',
  added: 'ARRAY(SELECT (jsonb_array_elements_text(v.added))::date)',
  removed: 'ARRAY(SELECT (jsonb_array_elements_text(v.removed))::date)',
};

/** Bulk insert through unnest: one statement per chunk, one parameter per column. */
async function insertRows(
  manager: EntityManager,
  table: string,
  columns: string[],
  types: string[],
  rows: unknown[][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const parameters = columns.map((_, column) => chunk.map((row) => row[column]));
    const unnest = types.map((type, index) => `$${index + 1}::${type}[]`).join(', ');
    const select = columns.map((column) => ARRAY_COLUMNS[column] ?? `v.${column}`).join(', ');
    await manager.query(
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS v(${columns.join(', ')})`,
      parameters,
    );
  }
}
