import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  CaseChannel,
  CaseKind,
  CaseStatus,
  Language,
  ReplyChannel,
} from '../cases/case.model';
import type { TransferReason } from '../cases/case-transfer.entity';
import type { OrganisationKind } from '../directory/organisation.entity';

/** What the access rules and the actions need of a case, read (and locked) in one query. */
export interface CaseHead {
  id: string;
  reference: string;
  status: CaseStatus;
  responsibleOrganisationId: string | null;
  triage: boolean;
  assignedUserId: string | null;
  category: string | null;
  replyChannel: ReplyChannel;
  contactEmail: string | null;
  contactPhone: string | null;
  language: Language;
  /** The organisations that handed the case on, oldest first. */
  transferredFrom: (string | null)[];
  promises: string[];
  focusAreas: string[];
  rootCauses: string[];
  outcome: string | null;
  /** Set on a duplicate: the case it was merged into. */
  mergedIntoCaseId: string | null;
}

export interface CaseReport {
  kind: CaseKind;
  category: { code: string; labelSv: string; labelEn: string } | null;
  description: string;
  lineText: string | null;
  stopText: string | null;
  vehicleNumber: string | null;
  occurredAt: Date | null;
  receivedAt: Date;
  channel: CaseChannel;
  contactName: string | null;
  responsibleOrganisation: { code: string; name: string } | null;
  contractCode: string | null;
  routingConfidence: string | null;
  routingReasons: string[];
  assignedTo: string | null;
}

export interface ThreadEntry {
  at: Date;
  direction: 'inbound' | 'outbound';
  channel: string;
  kind: string | null;
  subject: string | null;
  body: string;
  /** Outbound only: queued, sent, failed or skipped, and the provider's own word. */
  status: string | null;
  providerStatus: string | null;
  error: string | null;
}

export interface NoteEntry {
  at: Date;
  author: string | null;
  /** The author's organisation: the viewer's own, or the partner's when it shared the note. */
  organisation: string;
  shared: boolean;
  body: string;
}

export interface TaggedTerm {
  code: string;
  labelSv: string;
  labelEn: string;
}

/** The taxonomy a case can be tagged with, in the area file's order. */
export interface Taxonomy {
  promises: TaggedTerm[];
  focusAreas: TaggedTerm[];
  rootCauses: TaggedTerm[];
}

export interface SavedReply {
  code: string;
  title: string;
  text: string;
}

/** The other side of a merge: the case a duplicate went into, or one merged into this. */
export interface MergeLink {
  reference: string;
}

export interface AuditEntry {
  at: Date;
  actor: string;
  actorName: string | null;
  type: string;
  data: Record<string, unknown>;
}

export interface TransferSummary {
  at: Date;
  to: { code: string; name: string };
  reason: TransferReason;
}

export interface Colleague {
  id: string;
  name: string;
  organisationId: string;
  organisationKind: OrganisationKind;
}

const HEAD_COLUMNS = `c.id, c.reference, c.status, c.responsible_organisation_id AS "responsibleOrganisationId",
  c.triage, c.assigned_user_id AS "assignedUserId", c.category, c.reply_channel AS "replyChannel",
  c.contact_email AS "contactEmail", c.contact_phone AS "contactPhone", c.language,
  c.promises, c.focus_areas AS "focusAreas", c.root_causes AS "rootCauses", c.outcome,
  c.merged_into_case_id AS "mergedIntoCaseId",
  coalesce((SELECT array_agg(t.from_organisation_id::text ORDER BY t.at) FROM case_transfers t
             WHERE t.case_id = c.id), '{}') AS "transferredFrom"`;

// Messages to the traveller; alerts and deadline notices to the parties are not the thread.
const TRAVELLER_KINDS = ['acknowledgement', 'message', 'question'];

/**
 * Reads and writes of one case for the case page. Reads of a case's parts take the case
 * id only after the caller has checked the viewer's access through `caseAccessOf`; notes
 * always take the viewer's organisation.
 */
@Injectable()
export class CaseWorkRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findHead(reference: string): Promise<CaseHead | null> {
    const [row] = await this.dataSource.query<CaseHead[]>(
      `SELECT ${HEAD_COLUMNS} FROM cases c WHERE c.reference = $1`,
      [reference],
    );
    return row ?? null;
  }

  /** The case locked for a change until the caller's transaction ends. */
  async lockHead(manager: EntityManager, reference: string): Promise<CaseHead | null> {
    const [row] = await manager.query<CaseHead[]>(
      `SELECT ${HEAD_COLUMNS} FROM cases c WHERE c.reference = $1 FOR UPDATE OF c`,
      [reference],
    );
    return row ?? null;
  }

  /** Several cases locked in reference order (so that two callers cannot deadlock). */
  async lockHeads(manager: EntityManager, references: string[]): Promise<Map<string, CaseHead>> {
    const rows = await manager.query<CaseHead[]>(
      `SELECT ${HEAD_COLUMNS} FROM cases c WHERE c.reference = ANY($1::text[])
        ORDER BY c.reference FOR UPDATE OF c`,
      [references],
    );
    return new Map(rows.map((row) => [row.reference, row]));
  }

  async findReport(caseId: string): Promise<CaseReport> {
    const [row] = await this.dataSource.query<
      (Omit<CaseReport, 'category' | 'responsibleOrganisation'> & {
        categoryCode: string | null;
        labelSv: string | null;
        labelEn: string | null;
        organisationCode: string | null;
        organisationName: string | null;
      })[]
    >(
      `SELECT c.kind, c.description, c.line_text AS "lineText", c.stop_text AS "stopText",
              c.vehicle_number AS "vehicleNumber", c.occurred_at AS "occurredAt",
              c.created_at AS "receivedAt", c.channel, c.contact_name AS "contactName",
              c.routing_confidence AS "routingConfidence", c.routing_reasons AS "routingReasons",
              c.category AS "categoryCode", cat.label_sv AS "labelSv", cat.label_en AS "labelEn",
              o.code AS "organisationCode", o.name AS "organisationName",
              k.code AS "contractCode", u.name AS "assignedTo"
         FROM cases c
         LEFT JOIN categories cat ON cat.code = c.category
         LEFT JOIN organisations o ON o.id = c.responsible_organisation_id
         LEFT JOIN contracts k ON k.id = c.contract_id
         LEFT JOIN users u ON u.id = c.assigned_user_id
        WHERE c.id = $1`,
      [caseId],
    );
    const { categoryCode, labelSv, labelEn, organisationCode, organisationName, ...rest } = row;
    return {
      ...rest,
      category: categoryCode
        ? { code: categoryCode, labelSv: labelSv ?? categoryCode, labelEn: labelEn ?? categoryCode }
        : null,
      responsibleOrganisation:
        organisationCode && organisationName
          ? { code: organisationCode, name: organisationName }
          : null,
    };
  }

  /** The traveller's messages and ours, oldest first. */
  findThread(caseId: string): Promise<ThreadEntry[]> {
    return this.dataSource.query<ThreadEntry[]>(
      `SELECT * FROM (
         SELECT m.created_at AS at, m.direction, m.channel, NULL AS kind, NULL AS subject, m.body,
                NULL AS status, m.provider_status AS "providerStatus", NULL AS error
           FROM case_messages m WHERE m.case_id = $1
         UNION ALL
         SELECT o.created_at, 'outbound', o.channel, o.kind, o.subject, o.body,
                o.status, o.provider_status, o.error
           FROM outbound_messages o WHERE o.case_id = $1 AND o.kind = ANY($2::text[])
       ) thread ORDER BY at`,
      [caseId, TRAVELLER_KINDS],
    );
  }

  /**
   * The notes of the viewer's own organisation, and those another organisation shared with
   * the partners working the case; no other organisation's private note is ever read.
   */
  findNotes(caseId: string, organisationId: string): Promise<NoteEntry[]> {
    return this.dataSource.query<NoteEntry[]>(
      `SELECT n.created_at AS at, u.name AS author, o.name AS organisation, n.shared, n.body
         FROM case_notes n
         JOIN organisations o ON o.id = n.organisation_id
         LEFT JOIN users u ON u.id = n.author_user_id
        WHERE n.case_id = $1 AND (n.organisation_id = $2 OR n.shared) ORDER BY n.created_at`,
      [caseId, organisationId],
    );
  }

  /** The case a duplicate was merged into, and the duplicates merged into this one. */
  async findMerges(
    caseId: string,
    mergedIntoCaseId: string | null,
  ): Promise<{ into: MergeLink | null; from: MergeLink[] }> {
    const rows = await this.dataSource.query<{ reference: string; into: boolean }[]>(
      `SELECT reference, id = $2 AS into FROM cases
        WHERE id = $2 OR merged_into_case_id = $1 ORDER BY created_at`,
      [caseId, mergedIntoCaseId],
    );
    const into = rows.find((row) => row.into);
    return {
      into: into ? { reference: into.reference } : null,
      from: rows.filter((row) => !row.into).map(({ reference }) => ({ reference })),
    };
  }

  async findTaxonomy(): Promise<Taxonomy> {
    const rows = await this.dataSource.query<(TaggedTerm & { kind: string })[]>(
      `SELECT kind, code, label_sv AS "labelSv", label_en AS "labelEn"
         FROM taxonomy_terms ORDER BY kind, position`,
    );
    const of = (kind: string) =>
      rows.filter((row) => row.kind === kind).map(({ kind: _k, ...term }) => term);
    return { promises: of('promise'), focusAreas: of('focus-area'), rootCauses: of('root-cause') };
  }

  /** Of these codes, the ones the area's taxonomy does not define for that kind. */
  async unknownTerms(manager: EntityManager, kind: string, codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows = await manager.query<{ code: string }[]>(
      `SELECT given.code FROM unnest($2::text[]) AS given(code)
        WHERE NOT EXISTS (SELECT 1 FROM taxonomy_terms t WHERE t.kind = $1 AND t.code = given.code)`,
      [kind, codes],
    );
    return rows.map((row) => row.code);
  }

  /** The saved replies the viewer's organisation may use, in the case's language. */
  findSavedReplies(organisationId: string, language: Language): Promise<SavedReply[]> {
    const [title, text] = language === 'sv' ? ['title_sv', 'text_sv'] : ['title_en', 'text_en'];
    return this.dataSource.query<SavedReply[]>(
      `SELECT code, ${title} AS title, ${text} AS text FROM saved_replies
        WHERE ${text} IS NOT NULL
          AND (organisation_codes = '{}'
               OR (SELECT code FROM organisations WHERE id = $1) = ANY(organisation_codes))
        ORDER BY position`,
      [organisationId],
    );
  }

  findEvents(caseId: string): Promise<AuditEntry[]> {
    return this.dataSource.query<AuditEntry[]>(
      `SELECT e.at, e.actor, u.name AS "actorName", e.type, e.data
         FROM case_events e LEFT JOIN users u ON u.id::text = e.actor
        WHERE e.case_id = $1 ORDER BY e.at, e.id`,
      [caseId],
    );
  }

  /** The latest hand-over by the viewer's organisation: all a "transferred" viewer may see. */
  async findTransferFrom(caseId: string, organisationId: string): Promise<TransferSummary | null> {
    const [row] = await this.dataSource.query<
      { at: Date; reason: TransferReason; code: string; name: string }[]
    >(
      `SELECT t.at, t.reason, o.code, o.name
         FROM case_transfers t JOIN organisations o ON o.id = t.to_organisation_id
        WHERE t.case_id = $1 AND t.from_organisation_id = $2 ORDER BY t.at DESC LIMIT 1`,
      [caseId, organisationId],
    );
    return row ? { at: row.at, reason: row.reason, to: { code: row.code, name: row.name } } : null;
  }

  /** Active users of one organisation who work cases, by name. */
  findColleagues(organisationId: string): Promise<{ id: string; name: string }[]> {
    return this.dataSource.query(
      `SELECT id, name FROM users
        WHERE organisation_id = $1 AND disabled_at IS NULL AND role <> 'forum' ORDER BY name`,
      [organisationId],
    );
  }

  async findColleague(manager: EntityManager, userId: string): Promise<Colleague | null> {
    const [row] = await manager.query<Colleague[]>(
      `SELECT u.id, u.name, u.organisation_id AS "organisationId", o.kind AS "organisationKind"
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = $1 AND u.disabled_at IS NULL AND u.role <> 'forum'`,
      [userId],
    );
    return row ?? null;
  }

  findCategories(): Promise<{ code: string; labelSv: string; labelEn: string }[]> {
    return this.dataSource.query(
      `SELECT code, label_sv AS "labelSv", label_en AS "labelEn" FROM categories ORDER BY position`,
    );
  }

  async categoryExists(manager: EntityManager, code: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM categories WHERE code = $1', [code]);
    return rows.length > 0;
  }

  async update(
    manager: EntityManager,
    caseId: string,
    set: Partial<{
      status: CaseStatus;
      assignedUserId: string | null;
      category: string;
      promises: string[];
      focusAreas: string[];
      rootCauses: string[];
      outcome: string | null;
      mergedIntoCaseId: string;
      reopenedAt: Date;
    }>,
  ): Promise<void> {
    const columns = {
      status: 'status',
      assignedUserId: 'assigned_user_id',
      category: 'category',
      promises: 'promises',
      focusAreas: 'focus_areas',
      rootCauses: 'root_causes',
      outcome: 'outcome',
      mergedIntoCaseId: 'merged_into_case_id',
      reopenedAt: 'reopened_at',
    };
    const values: unknown[] = [caseId];
    const assignments = (Object.keys(set) as (keyof typeof set)[]).map((key) => {
      values.push(set[key]);
      return `${columns[key]} = $${values.length}`;
    });
    if (!assignments.length) return;
    await manager.query(
      `UPDATE cases SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1`,
      values,
    );
  }

  async insertNote(
    manager: EntityManager,
    note: {
      caseId: string;
      organisationId: string;
      authorUserId: string;
      body: string;
      shared: boolean;
    },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO case_notes (case_id, organisation_id, author_user_id, body, shared)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [note.caseId, note.organisationId, note.authorUserId, note.body, note.shared],
    );
    return row.id;
  }
}
