import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseStatus } from '../cases/case.model';
import { caseStatusesOf } from './open311.model';
import type { Open311Status } from './open311.model';
import type { CategoryRow } from './open311-texts';

/** What a public service request is made of: no description, no contact details. */
export interface RequestRow {
  reference: string;
  status: CaseStatus;
  category: string | null;
  labelSv: string | null;
  labelEn: string | null;
  agency: string | null;
  stopText: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The first-response target: when a person will answer. */
  expectedAt: Date | null;
  mediaUrl: string | null;
}

export interface StopRow {
  stopId: string;
  name: string;
  lat: number | null;
  lon: number | null;
}

export type RequestFilter =
  | { references: string[]; limit: number }
  | {
      from: Date;
      to: Date;
      serviceCodes: string[];
      statuses: Open311Status[];
      limit: number;
    };

/** The reads Open311 needs: categories, public request rows, and stops of the active feed. */
@Injectable()
export class Open311Repository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async categories(code?: string): Promise<CategoryRow[]> {
    const rows = await this.dataSource.query<
      { code: string; label_sv: string; label_en: string; urgent: boolean }[]
    >(
      `SELECT code, label_sv, label_en, urgent FROM categories
       WHERE $1::text IS NULL OR code = $1 ORDER BY position, code`,
      [code ?? null],
    );
    return rows.map((row) => ({
      code: row.code,
      labelSv: row.label_sv,
      labelEn: row.label_en,
      urgent: row.urgent,
    }));
  }

  /**
   * Newest first, at most `limit`. The window is a range on created_at and the other
   * filters plain equality, so cases_created_at_idx serves the query.
   */
  async findRequests(filter: RequestFilter): Promise<RequestRow[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .from('cases', 'c')
      .leftJoin('categories', 'cat', 'cat.code = c.category')
      .leftJoin('organisations', 'o', 'o.id = c.responsible_organisation_id')
      .select([
        'c.reference AS reference',
        'c.status AS status',
        'c.category AS category',
        'cat.label_sv AS "labelSv"',
        'cat.label_en AS "labelEn"',
        'o.name AS agency',
        'c.stop_text AS "stopText"',
        'c.created_at AS "createdAt"',
        'c.updated_at AS "updatedAt"',
        `(SELECT k.due_at FROM case_clocks k
           WHERE k.case_id = c.id AND k.kind = 'first-response' AND k.met_at IS NULL) AS "expectedAt"`,
      ])
      // A media URL is public only when an Open311 client posted it as one; MMS links and
      // uploaded photos stay with the case handlers.
      .addSelect(
        `(SELECT a.url FROM case_attachments a
          WHERE a.case_id = c.id AND a.url IS NOT NULL AND c.channel = 'open311'
          ORDER BY a.created_at LIMIT 1)`,
        'mediaUrl',
      )
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.reference', 'DESC')
      .limit(filter.limit);
    if ('references' in filter) {
      query.where('c.reference IN (:...references)', { references: filter.references });
    } else {
      query
        .where('c.created_at >= :from', { from: filter.from })
        .andWhere('c.created_at <= :to', { to: filter.to });
      if (filter.serviceCodes.length > 0) {
        query.andWhere('c.category IN (:...codes)', { codes: filter.serviceCodes });
      }
      if (filter.statuses.length > 0) {
        query.andWhere('c.status IN (:...statuses)', {
          statuses: filter.statuses.flatMap(caseStatusesOf),
        });
      }
    }
    return query.getRawMany<RequestRow>();
  }

  /**
   * The active feed's stop for each name, matched exactly but for case; a station is
   * preferred to its platforms, which share its name.
   */
  async stopsByName(names: string[]): Promise<Map<string, StopRow>> {
    const keys = [...new Set(names.map((name) => name.toLowerCase()))];
    if (keys.length === 0) return new Map();
    const rows = await this.dataSource.query<(StopRow & { key: string })[]>(
      `SELECT DISTINCT ON (lower(s.name)) lower(s.name) AS key, s.stop_id AS "stopId", s.name, s.lat, s.lon
       FROM gtfs_stops s JOIN gtfs_feeds f ON f.id = s.feed_id AND f.active
       WHERE lower(s.name) = ANY($1)
       ORDER BY lower(s.name), (s.location_type = 1) DESC, s.stop_id`,
      [keys],
    );
    return new Map(rows.map(({ key, ...stop }) => [key, stop]));
  }

  async stopById(stopId: string): Promise<StopRow | null> {
    const [row] = await this.dataSource.query<StopRow[]>(
      `SELECT s.stop_id AS "stopId", s.name, s.lat, s.lon
       FROM gtfs_stops s JOIN gtfs_feeds f ON f.id = s.feed_id AND f.active
       WHERE s.stop_id = $1`,
      [stopId],
    );
    return row ?? null;
  }

  /** The authority's name and when the area file (and so the service list) last changed. */
  async areaSummary(): Promise<{ authorityName: string; loadedAt: Date } | null> {
    const [row] = await this.dataSource.query<{ authority_name: string; loaded_at: Date }[]>(
      `SELECT o.name AS authority_name, s.loaded_at
       FROM area_settings s JOIN organisations o ON o.id = s.authority_id WHERE s.id = 1`,
    );
    return row ? { authorityName: row.authority_name, loadedAt: row.loaded_at } : null;
  }
}
