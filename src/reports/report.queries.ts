import { SqlParams } from '../infra/database/sql-params';
import { addMonths } from './report-month';

/**
 * Which cases a report counts: every case (the authority's whole area) or those under
 * some contracts (one contract's forum, or an operator's own contracts).
 */
export interface ReportScope {
  contractIds: string[] | null;
}

/** Local days, `to` excluded: `{ from: '2026-11-01', to: '2026-12-01' }` is November. */
export interface DayRange {
  from: string;
  to: string;
}

export type Period = 'current' | 'previous' | 'last-year';

export interface ReportQueryInput {
  /** The period reported on, the one before it and the same one a year earlier. */
  periods: Record<Period, DayRange>;
  /** The months of the trend (and their ridership): from the first day of one month. */
  trend: DayRange;
  /** Focus areas whose month-by-month counts the report draws (a cycle's chosen ones). */
  focusAreas?: string[];
  timeZone: string;
  scope: ReportScope;
}

/** The ranges of a monthly report: the month, the one before, the same a year ago, 13 months. */
export function monthlyRanges(month: string): Pick<ReportQueryInput, 'periods' | 'trend'> {
  const range = (m: string): DayRange => ({ from: `${m}-01`, to: `${addMonths(m, 1)}-01` });
  return {
    periods: {
      current: range(month),
      previous: range(addMonths(month, -1)),
      'last-year': range(addMonths(month, -12)),
    },
    trend: { from: `${addMonths(month, -12)}-01`, to: `${addMonths(month, 1)}-01` },
  };
}

/** One bare SQL statement of the report: what bench/reports times next to the whole export. */
export interface ReportQuery {
  name: string;
  text: string;
  values: unknown[];
}

// Merged duplicates are not counted: their traveller's matter is counted in the case they joined.
const COUNTED = 'c.merged_into_case_id IS NULL';

function scopeCondition(scope: ReportScope, params: SqlParams): string {
  return scope.contractIds === null
    ? 'TRUE'
    : `c.contract_id = ANY(${params.add(scope.contractIds)}::uuid[])`;
}

/** Local days [from, to) as instants, in SQL. */
function dayBounds(range: DayRange, zone: string, params: SqlParams) {
  return {
    from: `(${params.add(range.from)}::date::timestamp AT TIME ZONE ${zone})`,
    to: `(${params.add(range.to)}::date::timestamp AT TIME ZONE ${zone})`,
  };
}

/**
 * The statements of one report. Each reads the cases of its periods (or the months of the
 * trend) through the created_at index and groups in PostgreSQL; the rows that come back
 * are counts, never a traveller's data.
 */
export function reportQueries(input: ReportQueryInput): ReportQuery[] {
  const { timeZone, scope } = input;
  const query = (name: string, build: (params: SqlParams, zone: () => string) => string) => {
    const params = new SqlParams();
    let zone: string | undefined;
    const text = build(params, () => (zone ??= params.add(timeZone)));
    return { name, text, values: params.values };
  };
  // The period, the one before and the same a year earlier, labelled.
  const periods = (params: SqlParams, zone: () => string) => {
    const rows = (Object.entries(input.periods) as [Period, DayRange][]).map(([period, range]) => {
      const bounds = dayBounds(range, zone(), params);
      return `SELECT ${params.add(period)}::text AS period, ${bounds.from} AS from_at, ${bounds.to} AS to_at`;
    });
    return `periods AS (${rows.join(' UNION ALL ')})`;
  };
  const inCurrentMonth = (params: SqlParams, zone: () => string) => {
    const bounds = dayBounds(input.periods.current, zone(), params);
    return `c.created_at >= ${bounds.from} AND c.created_at < ${bounds.to} AND ${COUNTED} AND ${scopeCondition(scope, params)}`;
  };

  return [
    query(
      'counts',
      (params, zone) => `WITH ${periods(params, zone)}
        SELECT p.period, c.kind, c.category, c.contract_id AS "contractId", c.line_ref AS line,
               count(*)::int AS cases
          FROM periods p
          JOIN cases c ON c.created_at >= p.from_at AND c.created_at < p.to_at
         WHERE ${COUNTED} AND ${scopeCondition(scope, params)}
         GROUP BY 1, 2, 3, 4, 5`,
    ),
    query(
      'tags',
      (params, zone) => `WITH ${periods(params, zone)}, scoped AS (
          SELECT p.period, c.promises, c.focus_areas, c.root_causes
            FROM periods p
            JOIN cases c ON c.created_at >= p.from_at AND c.created_at < p.to_at
           WHERE ${COUNTED} AND ${scopeCondition(scope, params)})
        SELECT period, 'promise' AS kind, t.code, count(*)::int AS cases
          FROM scoped CROSS JOIN LATERAL unnest(promises) AS t(code) GROUP BY 1, 3
        UNION ALL
        SELECT period, 'focus-area', t.code, count(*)::int
          FROM scoped CROSS JOIN LATERAL unnest(focus_areas) AS t(code) GROUP BY 1, 3
        UNION ALL
        SELECT period, 'root-cause', t.code, count(*)::int
          FROM scoped CROSS JOIN LATERAL unnest(root_causes) AS t(code) GROUP BY 1, 3`,
    ),
    // Each case's month by where it falls among the months' first instants (width_bucket,
    // a binary search): converting every case's time to local time and formatting it cost
    // more than reading the 13 months' cases.
    query('trend', (params, zone) => {
      const { from, to } = dayBounds(input.trend, zone(), params);
      const first = params.add(input.trend.from);
      const last = params.add(input.trend.to);
      return `SELECT to_char(${first}::date + (t.bucket - 1) * interval '1 month', 'YYYY-MM') AS month,
                     t."contractId", t.complaint, t.cases
                FROM (SELECT width_bucket(c.created_at, ARRAY(
                               SELECT m AT TIME ZONE ${zone()}
                                 FROM generate_series(${first}::date::timestamp, ${last}::date::timestamp,
                                                      interval '1 month') AS m)) AS bucket,
                             c.contract_id AS "contractId", (c.kind = 'complaint') AS complaint,
                             count(*)::int AS cases
                        FROM cases c
                       WHERE c.created_at >= ${from} AND c.created_at < ${to}
                         AND ${COUNTED} AND ${scopeCondition(scope, params)}
                       GROUP BY 1, 2, 3) t`;
    }),
    query(
      'clocks',
      (params, zone) => `SELECT c.id AS "caseId", c.kind, c.contract_id AS "contractId",
               c.responsible_organisation_id AS "responsibleOrganisationId",
               k.kind AS clock, k.started_at AS "startedAt", k.due_at AS "dueAt",
               k.met_at AS "metAt", k.breached_at AS "breachedAt",
               (SELECT coalesce(json_agg(json_build_array(p.started_at, p.ended_at)), '[]'::json)
                  FROM case_pauses p WHERE p.case_id = c.id) AS pauses
          FROM cases c
          JOIN case_clocks k ON k.case_id = c.id AND k.kind IN ('first-response', 'legal-reply')
         WHERE ${inCurrentMonth(params, zone)}`,
    ),
    // Misroutes count against the contract a case left, as TransfersService records them.
    query('transfers', (params, zone) => {
      const bounds = dayBounds(input.periods.current, zone(), params);
      const left =
        scope.contractIds === null
          ? 'TRUE'
          : `t.from_contract_id = ANY(${params.add(scope.contractIds)}::uuid[])`;
      return `SELECT t.from_contract_id AS "contractId", count(*)::int AS transfers,
                     count(DISTINCT c.id)::int AS cases,
                     count(DISTINCT c.id) FILTER (WHERE c.contract_id IS DISTINCT FROM t.from_contract_id)::int AS moved
                FROM cases c JOIN case_transfers t ON t.case_id = c.id
               WHERE c.created_at >= ${bounds.from} AND c.created_at < ${bounds.to}
                 AND ${COUNTED} AND ${left}
               GROUP BY 1`;
    }),
    query('ridership', (params) => {
      const from = params.add(input.trend.from);
      const to = params.add(input.trend.to);
      const contracts =
        scope.contractIds === null
          ? 'TRUE'
          : `r.contract_id = ANY(${params.add(scope.contractIds)}::uuid[])`;
      return `SELECT to_char(r.month, 'YYYY-MM') AS month, r.contract_id AS "contractId", r.line,
                     r.boardings::float8 AS boardings
                FROM ridership r
               WHERE r.month >= ${from}::date AND r.month < ${to}::date AND ${contracts}`;
    }),
    query('focus-trend', (params, zone) => {
      const { from, to } = dayBounds(input.trend, zone(), params);
      return `SELECT to_char(c.created_at AT TIME ZONE ${zone()}, 'YYYY-MM') AS month, t.code,
                     count(*)::int AS cases
                FROM cases c CROSS JOIN LATERAL unnest(c.focus_areas) AS t(code)
               WHERE c.created_at >= ${from} AND c.created_at < ${to}
                 AND c.focus_areas && ${params.add(input.focusAreas ?? [])}::text[]
                 AND ${COUNTED} AND ${scopeCondition(scope, params)}
                 AND t.code = ANY(${params.add(input.focusAreas ?? [])}::text[])
               GROUP BY 1, 2`;
    }),
  ];
}
