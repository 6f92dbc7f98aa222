import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import type { ResponseSettings } from './area-file/response-settings';
import type {
  ContractInfo,
  RoutingIndexData,
  ServiceCalendar,
  TrafficMode,
} from '../routing/routing.model';

/** Reads of the area directory and the active GTFS feed, shaped for the router. */
@Injectable()
export class DirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Changes whenever an area file is applied or a feed is swapped in. */
  async version(): Promise<string> {
    const [row] = await this.dataSource.query<{ version: string }[]>(
      `SELECT coalesce((SELECT source_hash FROM area_settings WHERE id = 1), '-') || '/' ||
              coalesce((SELECT id::text FROM gtfs_feeds WHERE active), '-') AS version`,
    );
    return row.version;
  }

  /** Everything the router needs, or null before any area file is loaded. */
  async loadRoutingIndexData(): Promise<RoutingIndexData | null> {
    const q = <T>(sql: string) => this.dataSource.query<T[]>(sql);
    const [settings] = await q<{
      time_zone: string;
      authority_id: string;
      line_aliases: Record<string, string[]>;
      without_contract: Record<string, string>;
    }>(
      'SELECT time_zone, authority_id, line_aliases, without_contract FROM area_settings WHERE id = 1',
    );
    if (!settings) return null;
    const [organisations, categories, contracts, routes, routeOperators, services, stops] =
      await Promise.all([
        q<{ id: string; code: string; name: string }>(
          'SELECT id, code, name FROM organisations ORDER BY code',
        ),
        q<{ code: string; label_sv: string; label_en: string }>(
          'SELECT code, label_sv, label_en FROM categories ORDER BY position',
        ),
        q<{
          id: string;
          code: string;
          name: string;
          operator_id: string;
          operator_code: string;
          operator_name: string;
          valid_from: string;
          valid_to: string | null;
          mode: TrafficMode;
          regime: 'bus' | 'rail';
          scope: ContractInfo['scope'];
          responsibility: ContractInfo['responsibility'];
        }>(
          `SELECT c.id, c.code, c.name, o.id AS operator_id, o.code AS operator_code, o.name AS operator_name,
                to_char(c.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to,
                c.mode, c.regime, c.scope, c.responsibility
           FROM contracts c JOIN organisations o ON o.id = c.operator_id ORDER BY c.code`,
        ),
        q<{
          route_id: string;
          agency_id: string;
          agency_name: string;
          short_name: string;
          long_name: string;
          type: number;
          description: string;
        }>(
          `SELECT r.route_id, r.agency_id, a.name AS agency_name, r.short_name, r.long_name, r.type, r.description
           FROM gtfs_routes r JOIN gtfs_feeds f ON f.id = r.feed_id AND f.active
           JOIN gtfs_agencies a ON a.feed_id = r.feed_id AND a.agency_id = r.agency_id`,
        ),
        q<{ route_id: string; operator_name: string; service_ids: string[] }>(
          `SELECT o.route_id, o.operator_name, o.service_ids FROM gtfs_route_operators o
           JOIN gtfs_feeds f ON f.id = o.feed_id AND f.active`,
        ),
        q<{
          service_id: string;
          weekdays: boolean[];
          start_date: string | null;
          end_date: string | null;
          added: string[];
          removed: string[];
        }>(
          `SELECT s.service_id, s.weekdays,
                to_char(s.start_date, 'YYYY-MM-DD') AS start_date, to_char(s.end_date, 'YYYY-MM-DD') AS end_date,
                ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(s.added) d) AS added,
                ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(s.removed) d) AS removed
           FROM gtfs_services s JOIN gtfs_feeds f ON f.id = s.feed_id AND f.active`,
        ),
        q<{ stop_id: string; name: string; route_ids: string[] | null }>(
          `SELECT s.stop_id, s.name,
                (SELECT array_agg(sr.route_id) FROM gtfs_stop_routes sr WHERE sr.feed_id = s.feed_id AND sr.stop_id = s.stop_id) AS route_ids
           FROM gtfs_stops s JOIN gtfs_feeds f ON f.id = s.feed_id AND f.active`,
        ),
      ]);
    const authority = organisations.find(
      (organisation) => organisation.id === settings.authority_id,
    )!;
    return {
      timeZone: settings.time_zone,
      authority,
      organisations,
      categories: categories.map((c) => ({
        code: c.code,
        label: { sv: c.label_sv, en: c.label_en },
      })),
      lineAliases: settings.line_aliases,
      withoutContract: settings.without_contract,
      routes: routes.map((r) => ({
        routeId: r.route_id,
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        shortName: r.short_name,
        longName: r.long_name,
        type: r.type,
        description: r.description,
      })),
      routeOperators: routeOperators.map((o) => ({
        routeId: o.route_id,
        operatorName: o.operator_name,
        serviceIds: o.service_ids,
      })),
      services: services.map((s) => ({
        serviceId: s.service_id,
        weekdays: s.weekdays as ServiceCalendar['weekdays'],
        startDate: s.start_date,
        endDate: s.end_date,
        added: s.added,
        removed: s.removed,
      })),
      stops: stops.map((s) => ({ stopId: s.stop_id, name: s.name, routeIds: s.route_ids ?? [] })),
      contracts: contracts.map((c) => ({
        id: c.id,
        code: c.code,
        name: c.name,
        operator: { id: c.operator_id, code: c.operator_code, name: c.operator_name },
        validFrom: c.valid_from,
        validTo: c.valid_to,
        mode: c.mode,
        regime: c.regime,
        scope: c.scope,
        responsibility: c.responsibility,
      })),
    };
  }

  /** What answering rules need: the settings and the ids of parties, contracts and categories. */
  async loadResponsePolicyData(): Promise<ResponsePolicyData | null> {
    const [settings] = await this.dataSource.query<
      {
        time_zone: string;
        authority_id: string;
        responses: ResponseSettings | Record<string, never>;
      }[]
    >('SELECT time_zone, authority_id, responses FROM area_settings WHERE id = 1');
    if (!settings || !('calendars' in settings.responses)) return null;
    const [organisations, contracts, categories] = await Promise.all([
      this.dataSource.query<{ id: string; code: string; name: string }[]>(
        'SELECT id, code, name FROM organisations',
      ),
      this.dataSource.query<
        { id: string; code: string; operatorId: string; regime: 'bus' | 'rail' }[]
      >('SELECT id, code, operator_id AS "operatorId", regime FROM contracts'),
      this.dataSource.query<{ code: string; urgent: boolean; labelSv: string; labelEn: string }[]>(
        'SELECT code, urgent, label_sv AS "labelSv", label_en AS "labelEn" FROM categories',
      ),
    ]);
    return {
      timeZone: settings.time_zone,
      authorityId: settings.authority_id,
      settings: settings.responses as ResponseSettings,
      organisations,
      contracts,
      categories,
    };
  }

  findOrganisationByCode(code: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ code });
  }

  findOrganisationById(id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }
}

export interface ResponsePolicyData {
  timeZone: string;
  authorityId: string;
  settings: ResponseSettings;
  organisations: Array<{ id: string; code: string; name: string }>;
  contracts: Array<{ id: string; code: string; operatorId: string; regime: 'bus' | 'rail' }>;
  categories: Array<{ code: string; urgent: boolean; labelSv: string; labelEn: string }>;
}
