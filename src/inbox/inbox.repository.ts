import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { CaseChannel, CaseKind, CaseStatus } from '../cases/case.model';
import type { TransferReason } from '../cases/case-transfer.entity';
import { fullAccessPredicate, transferredAwayPredicate } from './case-access';
import { PAGE_SIZE } from './inbox-query';
import type { InboxCursor, InboxFilters, InboxQuery, InboxView } from './inbox-query';
import { SqlParams } from '../infra/database/sql-params';

/** A case the viewer holds (or, for the authority, any case): what the list shows of it. */
export interface InboxCaseRow {
  access: 'full';
  reference: string;
  receivedAt: Date;
  kind: CaseKind;
  channel: CaseChannel;
  category: { code: string; labelSv: string; labelEn: string } | null;
  line: string | null;
  contract: string | null;
  responsibleOrganisation: { code: string; name: string } | null;
  triage: boolean;
  status: CaseStatus;
  /** How a resolved case ended, or that it was merged into another as a duplicate. */
  outcome: string | null;
  merged: boolean;
  firstResponseDue: Date | null;
  firstResponseOverdue: boolean;
  assignedTo: string | null;
}

/** A case the viewer's organisation handed on: only that it did so. */
export interface InboxTransferRow {
  access: 'transferred';
  reference: string;
  transferredAt: Date;
  transferredTo: { code: string; name: string };
  reason: TransferReason;
}

export type InboxRow = InboxCaseRow | InboxTransferRow;

export interface InboxPage {
  rows: InboxRow[];
  next: InboxCursor | null;
}

interface RawRow {
  id: string;
  cursor_at: string;
  reference: string;
  created_at: Date;
  kind: CaseKind;
  channel: CaseChannel;
  category: string | null;
  label_sv: string | null;
  label_en: string | null;
  line_ref: string | null;
  contract_code: string | null;
  responsible_code: string | null;
  responsible_name: string | null;
  triage: boolean;
  status: CaseStatus;
  outcome: string | null;
  merged: boolean;
  first_response_due: Date | null;
  first_response_overdue: boolean;
  assigned_name: string | null;
  full_access: boolean;
  transferred_at: Date | null;
  transfer_reason: TransferReason | null;
  to_code: string | null;
  to_name: string | null;
}

const OPEN = `c.status NOT IN ('resolved', 'closed')`;

function viewCondition(view: InboxView, viewer: Principal, params: SqlParams, now: Date): string {
  switch (view) {
    case 'open':
      return OPEN;
    case 'closed':
      return `c.status IN ('resolved', 'closed')`;
    case 'mine':
      return `${OPEN} AND c.assigned_user_id = ${params.add(viewer.userId)}::uuid`;
    case 'unassigned':
      return `${OPEN} AND c.assigned_user_id IS NULL`;
    case 'waiting':
      return `c.status = 'waiting-for-traveller'`;
    case 'due-soon': {
      const at = params.add(now);
      return (
        `${OPEN} AND EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id` +
        ` AND k.kind IN ('first-response', 'resolution') AND k.met_at IS NULL` +
        ` AND k.breached_at IS NULL AND k.due_at >= ${at}::timestamptz` +
        ` AND k.due_at < ${at}::timestamptz + interval '24 hours')`
      );
    }
    case 'overdue': {
      const at = params.add(now);
      return (
        `${OPEN} AND EXISTS (SELECT 1 FROM case_clocks k WHERE k.case_id = c.id` +
        ` AND k.met_at IS NULL AND (k.breached_at IS NOT NULL OR k.due_at < ${at}::timestamptz))`
      );
    }
    case 'transferred':
      // Listed through the transfer predicate itself; see findInboxPage.
      return 'TRUE';
  }
}

function filterConditions(filters: InboxFilters, params: SqlParams, timeZone: string): string[] {
  const where: string[] = [];
  if (filters.contract)
    where.push(
      `c.contract_id IN (SELECT id FROM contracts WHERE code = ${params.add(filters.contract)})`,
    );
  if (filters.line) where.push(`c.line_ref = ${params.add(filters.line)}`);
  if (filters.category) where.push(`c.category = ${params.add(filters.category)}`);
  // Array containment, so the GIN indexes on the tag columns apply.
  if (filters.focusArea)
    where.push(`c.focus_areas @> ARRAY[${params.add(filters.focusArea)}::text]`);
  if (filters.promise) where.push(`c.promises @> ARRAY[${params.add(filters.promise)}::text]`);
  if (filters.kind) where.push(`c.kind = ${params.add(filters.kind)}`);
  if (filters.channel) where.push(`c.channel = ${params.add(filters.channel)}`);
  // Days are the area's local days: "received on 24 November" in Swedish time.
  if (filters.from || filters.to) {
    const zone = params.add(timeZone);
    if (filters.from)
      where.push(
        `c.created_at >= (${params.add(filters.from)}::date::timestamp AT TIME ZONE ${zone})`,
      );
    if (filters.to)
      where.push(
        `c.created_at < ((${params.add(filters.to)}::date + 1)::timestamp AT TIME ZONE ${zone})`,
      );
  }
  if (filters.q) {
    // The description or the thread (the traveller's messages, handlers' replies): each
    // side has its own GIN index, so the planner can OR the two bitmaps.
    const q = params.add(filters.q);
    where.push(
      `(c.search_vector @@ websearch_to_tsquery('swedish', ${q}) OR c.thread_vector @@ websearch_to_tsquery('swedish', ${q}))`,
    );
  }
  return where;
}

/**
 * The SQL of one inbox page and its parameters: what findInboxPage runs, exported so that
 * bench/inbox can time the bare query next to the request.
 */
export function inboxPageSql(
  viewer: Principal,
  query: InboxQuery,
  context: { now: Date; timeZone: string },
): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const full = fullAccessPredicate(viewer, params);
  const transferredView = query.view === 'transferred';
  const where = transferredView
    ? [transferredAwayPredicate(viewer, params)]
    : [full, viewCondition(query.view, viewer, params, context.now)];
  where.push(...filterConditions(query.filters, params, context.timeZone));
  if (query.after)
    where.push(
      `(c.created_at, c.id) < (${params.add(query.after.createdAt)}::timestamptz, ${params.add(query.after.id)}::uuid)`,
    );
  const now = params.add(context.now);
  // The latest transfer away from the viewer's organisation, only in the transferred view.
  const transfer = transferredView
    ? `LEFT JOIN LATERAL (
         SELECT t.at, t.reason, o.code, o.name FROM case_transfers t
         JOIN organisations o ON o.id = t.to_organisation_id
         WHERE t.case_id = c.id AND t.from_organisation_id = ${params.add(viewer.organisationId)}::uuid
         ORDER BY t.at DESC LIMIT 1) tx ON TRUE`
    : `LEFT JOIN LATERAL (SELECT NULL::timestamptz AS at, NULL::text AS reason,
         NULL::text AS code, NULL::text AS name) tx ON TRUE`;
  // The page's rows are chosen (filtered, ordered, limited) on cases alone and only then
  // joined to their names and clocks: a view that matches thousands of rows (due soon, a
  // phrase search) sorts bare case rows, not thousands of joined ones (bench/inbox).
  const text = `SELECT c.id, c.reference, c.created_at,
            to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at,
            c.kind, c.channel, c.category, cat.label_sv, cat.label_en, c.line_ref,
            ct.code AS contract_code, ro.code AS responsible_code, ro.name AS responsible_name,
            c.triage, c.status, c.outcome, c.merged_into_case_id IS NOT NULL AS merged,
            u.name AS assigned_name,
            fr.due_at AS first_response_due,
            (fr.met_at IS NULL AND (fr.breached_at IS NOT NULL OR fr.due_at < ${now}::timestamptz))
              AS first_response_overdue,
            ${full} AS full_access,
            tx.at AS transferred_at, tx.reason AS transfer_reason, tx.code AS to_code, tx.name AS to_name
       FROM (SELECT * FROM cases c
              WHERE ${where.join('\n                AND ')}
              ORDER BY c.created_at DESC, c.id DESC
              LIMIT ${PAGE_SIZE + 1}) c
       LEFT JOIN organisations ro ON ro.id = c.responsible_organisation_id
       LEFT JOIN contracts ct ON ct.id = c.contract_id
       LEFT JOIN categories cat ON cat.code = c.category
       LEFT JOIN users u ON u.id = c.assigned_user_id
       LEFT JOIN case_clocks fr ON fr.case_id = c.id AND fr.kind = 'first-response'
       ${transfer}
      ORDER BY c.created_at DESC, c.id DESC`;
  return { text, values: params.values };
}

/** The inbox's reads of cases. Every method takes the viewer: the access rules apply to each. */
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One page of a view, newest first, after the cursor: keyset, so page 2,000 costs what page 1 does. */
  async findInboxPage(
    viewer: Principal,
    query: InboxQuery,
    context: { now: Date; timeZone: string },
  ): Promise<InboxPage> {
    const sql = inboxPageSql(viewer, query, context);
    const rows: RawRow[] = await this.dataSource.query(sql.text, sql.values);
    const page = rows.slice(0, PAGE_SIZE);
    const last = page[page.length - 1];
    return {
      rows: page.map((row) => toRow(row, query.view === 'transferred')),
      next: rows.length > PAGE_SIZE && last ? { createdAt: last.cursor_at, id: last.id } : null,
    };
  }
}

function toRow(row: RawRow, transferredView: boolean): InboxRow {
  // In the transferred view a case the viewer no longer holds shows only the transfer;
  // the authority (which sees everything) gets the full row there too.
  if (transferredView && !row.full_access)
    return {
      access: 'transferred',
      reference: row.reference,
      transferredAt: row.transferred_at as Date,
      transferredTo: { code: row.to_code ?? '', name: row.to_name ?? '' },
      reason: row.transfer_reason as TransferReason,
    };
  return {
    access: 'full',
    reference: row.reference,
    receivedAt: row.created_at,
    kind: row.kind,
    channel: row.channel,
    category:
      row.category && row.label_sv && row.label_en
        ? { code: row.category, labelSv: row.label_sv, labelEn: row.label_en }
        : null,
    line: row.line_ref,
    contract: row.contract_code,
    responsibleOrganisation:
      row.responsible_code && row.responsible_name
        ? { code: row.responsible_code, name: row.responsible_name }
        : null,
    triage: row.triage,
    status: row.status,
    outcome: row.outcome,
    merged: row.merged,
    firstResponseDue: row.first_response_due,
    firstResponseOverdue: row.first_response_overdue === true,
    assignedTo: row.assigned_name,
  };
}
