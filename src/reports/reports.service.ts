import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { businessTimeBetween } from '../calendar/business-calendar';
import { isoDateOf, parseIsoDate, wallClockAt, wallTimeToInstant } from '../calendar/zoned-time';
import { ResponsePolicyService } from '../deadlines/response-policy.service';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { buildReport } from './report.builder';
import type {
  ActionSummary,
  ClockRow,
  CountRow,
  FocusTrendRow,
  ReportInput,
  ReportLabels,
  RidershipRow,
  TagRow,
  TransferRow,
  TrendRow,
} from './report.builder';
import { monthlyRanges, reportQueries } from './report.queries';
import type { DayRange, ReportQueryInput, ReportScope } from './report.queries';
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  lastDayOf,
  monthsBetween,
  nextDay,
  previousDay,
  swedishMonth,
} from './report-month';
import type { ReportDocument } from './report-document';
import {
  CycleNotFoundError,
  ReportContractForbiddenError,
  ReportRequestInvalidError,
} from './reports.errors';

const HOUR_MS = 3_600_000;

/** A monthly export as the scheduled job stored it. */
export interface StoredExport {
  id: string;
  month: string;
  scope: string;
  format: string;
  fileName: string;
  contentType: string;
  createdAt: Date;
}

/** Who a report is for: the authority sees the area; another organisation its own contracts. */
export type ReportViewer = Pick<Principal, 'organisationId' | 'organisationKind'>;

/** Whose actions a report lists: a contract's (or all), as an operator sees them (or all). */
export interface ActionScope {
  contractId: string | null;
  organisationId?: string;
}

/** Where the improvement actions come from; the partnership module provides it. */
export interface ActionSource {
  /** The actions open at `at` (and those done in its month) in the scope. */
  summaries(scope: ActionScope, at: Date): Promise<ActionSummary[]>;
  /** A cycle's actions as the scope may see them, their effect measured at `at`. */
  forCycle(cycleId: string, scope: ActionScope, at: Date): Promise<ActionSummary[]>;
}

/** What one report covers and how it is named: the monthly one or a cycle's. */
interface ReportSpec extends Pick<
  ReportInput,
  | 'slug'
  | 'title'
  | 'subtitle'
  | 'period'
  | 'periodLabels'
  | 'periodMonths'
  | 'trendMonths'
  | 'forum'
  | 'notes'
> {
  ranges: Pick<ReportQueryInput, 'periods' | 'trend'>;
  focusAreas?: string[];
  contract: { code: string; name: string } | null;
  actions: (at: Date) => Promise<ActionSummary[]>;
}
export const ACTION_SOURCE = Symbol('ACTION_SOURCE');

/**
 * The monthly complaint-trend report: the statements run in one read-only snapshot, then
 * the tables are built in memory. No personal data is read: only codes, counts and times.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: ResponsePolicyService,
    @Inject(ACTION_SOURCE) private readonly actions: ActionSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The area's time zone, in which months begin and end. */
  get timeZone(): string {
    return this.config.AREA_TIMEZONE;
  }

  /** The area's current month (YYYY-MM): the latest a report may be asked for. */
  currentMonth(): string {
    const today = wallClockAt(this.clock.now().getTime(), this.config.AREA_TIMEZONE).dayNo;
    return isoDateOf(today).slice(0, 7);
  }

  /** The contracts a report may cover for the viewer, or 4xx for a contract outside them. */
  async scopeFor(
    viewer: ReportViewer,
    contractCode: string | null,
  ): Promise<{
    scope: ReportScope;
    contract: { id: string; code: string; name: string } | null;
    actions: ActionScope;
  }> {
    const contract = contractCode
      ? ((
          await this.dataSource.query<
            { id: string; code: string; name: string; operator: string }[]
          >('SELECT id, code, name, operator_id AS operator FROM contracts WHERE code = $1', [
            contractCode,
          ])
        )[0] ?? null)
      : null;
    if (contractCode && !contract)
      throw new ReportRequestInvalidError([
        { field: 'contract', reason: `${contractCode} is not a contract of this area` },
      ]);
    const actions = { contractId: contract?.id ?? null };
    if (viewer.organisationKind === 'authority')
      return { scope: { contractIds: contract ? [contract.id] : null }, contract, actions };
    if (contract) {
      if (contract.operator !== viewer.organisationId) throw new ReportContractForbiddenError();
      return { scope: { contractIds: [contract.id] }, contract, actions };
    }
    const own = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM contracts WHERE operator_id = $1',
      [viewer.organisationId],
    );
    return {
      scope: { contractIds: own.map((row) => row.id) },
      contract: null,
      actions: { contractId: null, organisationId: viewer.organisationId },
    };
  }

  async monthly(
    viewer: ReportViewer,
    month: string,
    contractCode: string | null,
  ): Promise<ReportDocument> {
    const { scope, contract, actions } = await this.scopeFor(viewer, contractCode);
    return this.build(month, scope, contract, actions);
  }

  /** The monthly report of one scope, for a viewer already checked or for the scheduled export. */
  build(
    month: string,
    scope: ReportScope,
    contract: { code: string; name: string } | null,
    actionScope: ActionScope,
  ): Promise<ReportDocument> {
    const ranges = monthlyRanges(month);
    const months = (range: DayRange) =>
      monthsBetween(range.from.slice(0, 7), previousDay(range.to).slice(0, 7));
    return this.assemble(scope, {
      ranges,
      slug: `monthly-${month}-${contract?.code ?? 'area'}`,
      title: `Synpunkter ${swedishMonth(month)}`,
      subtitle: this.scopeName(contract),
      period: { from: `${month}-01`, to: lastDayOf(month) },
      periodLabels: {
        current: swedishMonth(month),
        previous: swedishMonth(addMonths(month, -1)),
        'last-year': swedishMonth(addMonths(month, -12)),
      },
      periodMonths: {
        current: months(ranges.periods.current),
        previous: months(ranges.periods.previous),
        'last-year': months(ranges.periods['last-year']),
      },
      trendMonths: months(ranges.trend),
      contract,
      actions: (at) => this.actions.summaries(actionScope, at),
      notes: [],
    });
  }

  /**
   * A cycle's report for its forum: the same tables over the cycle against the period of
   * equal length before it and the same period a year earlier, the chosen focus areas month
   * by month, the cycle's actions with their effect, and what the forum recorded.
   */
  async cycle(viewer: ReportViewer, cycleId: string): Promise<ReportDocument> {
    const [cycle] = await this.dataSource.query<
      {
        code: string;
        startsOn: string;
        endsOn: string;
        focusAreas: string[];
        reflections: string | null;
        decisions: string | null;
        forumName: string;
        contractCode: string | null;
      }[]
    >(
      `SELECT y.code, to_char(y.starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(y.ends_on, 'YYYY-MM-DD') AS "endsOn", y.focus_areas AS "focusAreas",
              y.reflections, y.decisions, f.name AS "forumName", c.code AS "contractCode"
         FROM cycles y JOIN forums f ON f.id = y.forum_id LEFT JOIN contracts c ON c.id = f.contract_id
        WHERE y.id = $1`,
      [cycleId],
    );
    if (!cycle) throw new CycleNotFoundError();
    const today = isoDateOf(wallClockAt(this.clock.now().getTime(), this.timeZone).dayNo);
    if (cycle.startsOn > today)
      throw new ReportRequestInvalidError([{ field: 'id', reason: 'the cycle has not begun' }]);
    const { scope, contract, actions } = await this.scopeFor(viewer, cycle.contractCode);
    const current = { from: cycle.startsOn, to: nextDay(cycle.endsOn) };
    const days = daysBetween(current.from, current.to);
    const ranges = {
      periods: {
        current,
        previous: { from: addDays(current.from, -days), to: current.from },
        'last-year': { from: addYears(current.from, -1), to: addYears(current.to, -1) },
      },
      trend: {
        from: `${addDays(current.from, -days).slice(0, 7)}-01`,
        to: `${addMonths(previousDay(current.to).slice(0, 7), 1)}-01`,
      },
    };
    const months = (range: DayRange) =>
      monthsBetween(range.from.slice(0, 7), previousDay(range.to).slice(0, 7));
    return this.assemble(scope, {
      ranges,
      focusAreas: cycle.focusAreas,
      slug: `cycle-${cycle.code}-${cycle.contractCode ?? 'area'}`,
      title: `Synpunkter under ${cycle.code}`,
      subtitle: `${cycle.forumName} – ${this.scopeName(contract)}`,
      period: { from: cycle.startsOn, to: cycle.endsOn },
      periodLabels: {
        current: cycle.code,
        previous: 'perioden före',
        'last-year': 'samma period i fjol',
      },
      periodMonths: {
        current: months(ranges.periods.current),
        previous: months(ranges.periods.previous),
        'last-year': months(ranges.periods['last-year']),
      },
      trendMonths: months(ranges.trend),
      contract,
      actions: (at) => this.actions.forCycle(cycleId, actions, at),
      forum: { reflections: cycle.reflections, decisions: cycle.decisions },
      notes: [
        `Perioden före är lika lång som cykeln (${days} dagar) och slutar dagen innan den börjar.`,
      ],
    });
  }

  private scopeName(contract: { code: string; name: string } | null): string {
    return contract ? `${contract.code} ${contract.name}` : 'hela området';
  }

  /** Runs the statements in one snapshot and builds the document. */
  private async assemble(scope: ReportScope, spec: ReportSpec): Promise<ReportDocument> {
    const now = this.clock.now();
    // Actions as they stood at the period's end, or now for a period still running.
    const periodEnd = new Date(
      wallTimeToInstant(parseIsoDate(spec.period.to) as number, 24 * HOUR_MS - 1, this.timeZone),
    );
    const actionsAt = periodEnd < now ? periodEnd : now;
    const queries = reportQueries({
      ...spec.ranges,
      focusAreas: spec.focusAreas,
      timeZone: this.timeZone,
      scope,
    });
    // One snapshot: the tables agree with each other even while cases keep arriving.
    const [results, labels, actions] = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (manager) => {
        const rows = new Map<string, unknown[]>();
        for (const query of queries)
          rows.set(query.name, await manager.query(query.text, query.values));
        return [rows, await this.labels(manager), await spec.actions(actionsAt)] as const;
      },
    );
    const rowsOf = <T>(name: string) => (results.get(name) ?? []) as T[];
    const area = labels.areaName;
    return buildReport({
      slug: spec.slug,
      title: spec.title,
      subtitle: spec.contract ? spec.subtitle : `${area}, ${spec.subtitle}`,
      period: spec.period,
      periodLabels: spec.periodLabels,
      periodMonths: spec.periodMonths,
      trendMonths: spec.trendMonths,
      contract: spec.contract ? { code: spec.contract.code, name: spec.contract.name } : null,
      generatedAt: now,
      labels,
      counts: rowsOf<CountRow>('counts'),
      tags: rowsOf<TagRow>('tags'),
      trend: rowsOf<TrendRow>('trend'),
      clocks: rowsOf<ClockRow>('clocks'),
      transfers: rowsOf<TransferRow>('transfers'),
      ridership: rowsOf<RidershipRow>('ridership'),
      actions,
      businessHours: (row) => this.businessHours(row),
      ...(spec.focusAreas
        ? { focusTrend: { codes: spec.focusAreas, rows: rowsOf<FocusTrendRow>('focus-trend') } }
        : {}),
      ...(spec.forum ? { forum: spec.forum } : {}),
      notes: spec.notes,
    });
  }

  private async labels(manager: EntityManager): Promise<ReportLabels> {
    const [area] = await manager.query<{ name: string }[]>(
      'SELECT name FROM area_settings WHERE id = 1',
    );
    const categories = await manager.query<{ code: string; label: string }[]>(
      'SELECT code, label_sv AS label FROM categories',
    );
    const terms = await manager.query<{ kind: string; code: string; label: string }[]>(
      'SELECT kind, code, label_sv AS label FROM taxonomy_terms',
    );
    const contracts = await manager.query<{ id: string; code: string; name: string }[]>(
      'SELECT id, code, name FROM contracts',
    );
    return {
      areaName: area?.name ?? '',
      categories: new Map(categories.map((row) => [row.code, row.label])),
      terms: new Map(terms.map((row) => [`${row.kind}|${row.code}`, row.label])),
      contracts: new Map(contracts.map((row) => [row.id, { code: row.code, name: row.name }])),
    };
  }

  /**
   * The stored monthly exports the viewer may download: every one for the authority, the
   * exports of its own contracts for an operator (the area's holds every contract).
   */
  async storedExports(viewer: ReportViewer, month: string | null): Promise<StoredExport[]> {
    return this.dataSource.query<StoredExport[]>(
      `SELECT e.id, e.month, e.scope, e.format, e.file_name AS "fileName",
              e.content_type AS "contentType", e.created_at AS "createdAt"
         FROM report_exports e LEFT JOIN contracts c ON c.id = e.contract_id
        WHERE ($1::text IS NULL OR e.month = $1)
          AND ($2::boolean OR c.operator_id = $3::uuid)
        ORDER BY e.month DESC, e.scope, e.format`,
      [month, viewer.organisationKind === 'authority', viewer.organisationId],
    );
  }

  /** One stored export's file, if the viewer may have it; null otherwise. */
  async storedExportFile(
    viewer: ReportViewer,
    id: string,
  ): Promise<(StoredExport & { content: Buffer }) | null> {
    const [row] = await this.dataSource.query<(StoredExport & { content: Buffer })[]>(
      `SELECT e.id, e.month, e.scope, e.format, e.file_name AS "fileName",
              e.content_type AS "contentType", e.created_at AS "createdAt", e.content
         FROM report_exports e LEFT JOIN contracts c ON c.id = e.contract_id
        WHERE e.id = $1 AND ($2::boolean OR c.operator_id = $3::uuid)`,
      [id, viewer.organisationKind === 'authority', viewer.organisationId],
    );
    return row ?? null;
  }

  /** Open hours in the responsible party's calendar from the clock's start to its answer. */
  private businessHours(row: ClockRow): number | null {
    if (!row.metAt) return null;
    const policy = this.policies.current()?.forCase({
      kind: row.kind,
      responsibleOrganisationId: row.responsibleOrganisationId,
      contractId: row.contractId,
    });
    if (!policy) return null;
    const pauses = row.pauses.map(([from, to]) => ({
      from: new Date(from ?? row.startedAt),
      ...(to ? { to: new Date(to) } : {}),
    }));
    return businessTimeBetween(policy.calendar, row.startedAt, row.metAt, pauses) / HOUR_MS;
  }
}
