import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DataSubject } from './data-subject';

/** What replaces a traveller's free text once it is anonymised. */
export const ANONYMISED_TEXT = '[anonymiserad]';

/** Retention when no area file has been loaded yet. */
const DEFAULT_RETENTION_DAYS = 365;

export interface SubjectCaseRow {
  id: string;
  reference: string;
  kind: string;
  category: string | null;
  status: string;
  channel: string;
  description: string;
  line_text: string | null;
  stop_text: string | null;
  vehicle_number: string | null;
  occurred_at: Date | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface SubjectMessageRow {
  case_id: string;
  direction: string;
  channel: string;
  subject: string | null;
  body: string;
  created_at: Date;
}

/**
 * Personal data across a case's tables. Everything the statistics need (kind, category,
 * channel, line, contract, organisation, status, dates, clocks) stays untouched.
 */
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async retentionDays(): Promise<number> {
    const [row] = await this.dataSource.query<{ retention_days: number }[]>(
      'SELECT retention_days FROM area_settings WHERE id = 1',
    );
    return row?.retention_days ?? DEFAULT_RETENTION_DAYS;
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The next batch of resolved or closed cases untouched since the cut-off, locked, by id. */
  async lockExpiredBatch(
    manager: EntityManager,
    cutoff: Date,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM cases
        WHERE status IN ('resolved', 'closed') AND anonymised_at IS NULL AND updated_at < $1
          AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $3
        FOR UPDATE SKIP LOCKED`,
      [cutoff, afterId, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Every case whose contact is this traveller, oldest first. */
  async findSubjectCases(manager: EntityManager, subject: DataSubject): Promise<SubjectCaseRow[]> {
    return manager.query<SubjectCaseRow[]>(
      `SELECT id, reference, kind, category, status, channel, description, line_text, stop_text,
              vehicle_number, occurred_at, contact_name, contact_email, contact_phone,
              created_at, updated_at
         FROM cases
        WHERE ($1::text IS NOT NULL AND lower(contact_email) = $1::text)
           OR ($2::text IS NOT NULL AND contact_phone = $2::text)
        ORDER BY created_at, id`,
      [subject.email, subject.phone],
    );
  }

  /** The traveller's thread: what they sent and what was sent to them. */
  async findSubjectMessages(
    manager: EntityManager,
    caseIds: string[],
  ): Promise<SubjectMessageRow[]> {
    return manager.query<SubjectMessageRow[]>(
      `SELECT case_id, direction, channel, NULL AS subject, body, created_at
         FROM case_messages WHERE case_id = ANY($1::uuid[])
       UNION ALL
       SELECT case_id, 'outbound', channel, subject, body, created_at
         FROM outbound_messages WHERE case_id = ANY($1::uuid[])
       ORDER BY created_at`,
      [caseIds],
    );
  }

  /** Removes the personal data of these cases and their threads, notes and attachments. */
  async anonymise(manager: EntityManager, caseIds: string[], at: Date): Promise<void> {
    if (caseIds.length === 0) return;
    // search_vector is generated from description, so the search index forgets it too;
    // thread_vector holds the thread's words and goes with them (the triggers that append
    // to it pass anonymised cases by).
    await manager.query(
      `UPDATE cases SET contact_name = NULL, contact_email = NULL, contact_phone = NULL,
              description = $2, vehicle_number = NULL, stop_text = NULL, line_text = NULL,
              thread_vector = NULL, anonymised_at = $3
        WHERE id = ANY($1::uuid[])`,
      [caseIds, ANONYMISED_TEXT, at],
    );
    await manager.query(`UPDATE case_messages SET body = $2 WHERE case_id = ANY($1::uuid[])`, [
      caseIds,
      ANONYMISED_TEXT,
    ]);
    await manager.query(
      `UPDATE outbound_messages
          SET body = $2, recipient = $2,
              subject = CASE WHEN subject IS NULL THEN NULL ELSE $2 END,
              html = CASE WHEN html IS NULL THEN NULL ELSE $2 END
        WHERE case_id = ANY($1::uuid[])`,
      [caseIds, ANONYMISED_TEXT],
    );
    await manager.query(`UPDATE case_notes SET body = $2 WHERE case_id = ANY($1::uuid[])`, [
      caseIds,
      ANONYMISED_TEXT,
    ]);
    await manager.query(
      `UPDATE case_attachments SET data = NULL, url = NULL, filename = NULL
        WHERE case_id = ANY($1::uuid[])`,
      [caseIds],
    );
  }

  /** One audit event per case; `data` must never name the traveller. */
  async recordEvents(
    manager: EntityManager,
    caseIds: string[],
    event: { actor: string; type: string; data: Record<string, unknown>; at: Date },
  ): Promise<void> {
    if (caseIds.length === 0) return;
    await manager.query(
      `INSERT INTO case_events (case_id, at, actor, type, data)
       SELECT id, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS id`,
      [caseIds, event.at, event.actor, event.type, JSON.stringify(event.data)],
    );
  }
}
