import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AreaDefinition, AreaFileProblem } from './area-file/area-definition';
import { parseAreaFile } from './area-file/area-file.parser';
import { AreaFileRejectedError } from './directory.errors';
import { DirectoryEvents } from './directory-events';
import { JOB_QUEUE, JobName } from '../infra/queue/queue.registry';

export interface AreaLoadSummary {
  changed: boolean;
  organisations: number;
  categories: number;
  contracts: number;
}

/**
 * Applies an area file to the directory: validated whole first, then written in one
 * transaction. The same file twice changes nothing (its hash is remembered).
 */
@Injectable()
export class AreaLoaderService {
  private readonly logger = new Logger(AreaLoaderService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DirectoryEvents,
  ) {}

  async loadText(text: string): Promise<AreaLoadSummary> {
    const parsed = parseAreaFile(text);
    if (!parsed.ok) throw new AreaFileRejectedError(parsed.problems);
    return this.apply(parsed.definition);
  }

  async apply(definition: AreaDefinition): Promise<AreaLoadSummary> {
    const sourceHash = createHash('sha256').update(JSON.stringify(definition)).digest('hex');
    const summary = {
      organisations: definition.organisations.length,
      categories: definition.categories.length,
      contracts: definition.contracts.length,
    };
    const changed = await this.dataSource.transaction(async (manager) => {
      // Serialises concurrent loads; the hash check then sees the winner's result.
      await manager.query('LOCK TABLE area_settings IN EXCLUSIVE MODE');
      const [current] = await manager.query<{ source_hash: string }[]>(
        'SELECT source_hash FROM area_settings WHERE id = 1',
      );
      if (current?.source_hash === sourceHash) return false;
      await this.write(manager, definition, sourceHash);
      return true;
    });
    if (changed) {
      this.logger.log(summary, 'area directory loaded');
      this.events.changed();
    }
    return { changed, ...summary };
  }

  private async write(
    manager: EntityManager,
    definition: AreaDefinition,
    sourceHash: string,
  ): Promise<void> {
    for (const organisation of definition.organisations) {
      await manager.query(
        `INSERT INTO organisations (code, name, kind) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, updated_at = now()
         WHERE (organisations.name, organisations.kind) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind)`,
        [organisation.code, organisation.name, organisation.kind],
      );
    }
    for (const category of definition.categories) {
      await manager.query(
        `INSERT INTO categories (code, label_sv, label_en, urgent, position, promises, focus_areas)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (code) DO UPDATE SET label_sv = EXCLUDED.label_sv, label_en = EXCLUDED.label_en,
           urgent = EXCLUDED.urgent, position = EXCLUDED.position, promises = EXCLUDED.promises,
           focus_areas = EXCLUDED.focus_areas`,
        [
          category.code,
          category.labelSv,
          category.labelEn,
          category.urgent,
          category.position,
          category.promises,
          category.focusAreas,
        ],
      );
    }
    await this.writeTaxonomy(manager, definition);
    for (const contract of definition.contracts) {
      await manager.query(
        `INSERT INTO contracts (code, name, operator_id, valid_from, valid_to, mode, regime, scope, responsibility)
         VALUES ($1, $2, (SELECT id FROM organisations WHERE code = $3), $4, $5, $6, $7, $8, $9)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, operator_id = EXCLUDED.operator_id,
           valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, mode = EXCLUDED.mode,
           regime = EXCLUDED.regime, scope = EXCLUDED.scope, responsibility = EXCLUDED.responsibility,
           updated_at = now()`,
        [
          contract.code,
          contract.name,
          contract.operatorCode,
          contract.validFrom,
          contract.validTo,
          contract.mode,
          contract.regime,
          JSON.stringify(contract.scope),
          JSON.stringify(contract.responsibility),
        ],
      );
    }
    const [before] = await manager.query<{ responses: unknown }[]>(
      'SELECT responses FROM area_settings WHERE id = 1',
    );
    await manager.query(
      `INSERT INTO area_settings (id, name, time_zone, authority_id, line_aliases, without_contract, responses, retention_days, source_hash, loaded_at)
       VALUES (1, $1, $2, (SELECT id FROM organisations WHERE code = $3), $4, $5, $6, $8, $7, now())
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, time_zone = EXCLUDED.time_zone,
         authority_id = EXCLUDED.authority_id, line_aliases = EXCLUDED.line_aliases,
         without_contract = EXCLUDED.without_contract, responses = EXCLUDED.responses,
         retention_days = EXCLUDED.retention_days, source_hash = EXCLUDED.source_hash, loaded_at = now()`,
      [
        definition.name,
        definition.timeZone,
        definition.authorityCode,
        JSON.stringify(definition.lineAliases),
        JSON.stringify(definition.withoutContract),
        JSON.stringify(definition.responses),
        sourceHash,
        definition.privacy.retentionDays,
      ],
    );
    // New office hours or targets move the deadlines of open cases; a worker recomputes them.
    if (before && !sameJson(before.responses, definition.responses)) {
      await manager.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, '{}')`, [
        JOB_QUEUE[JobName.RecomputeDeadlines],
        JobName.RecomputeDeadlines,
      ]);
    }
    // After the settings row, which may have just moved to a new authority.
    await this.removeWhatTheFileDropped(manager, definition);
  }

  /**
   * The taxonomy and saved replies are the file's as a whole. Cases keep the codes they were
   * tagged with, so a term dropped from the file stays readable (as its code) in history.
   */
  private async writeTaxonomy(manager: EntityManager, definition: AreaDefinition): Promise<void> {
    const { promises, rootCauses, focusAreas } = definition.taxonomy;
    const terms = [
      ...promises.map((term, position) => ({ kind: 'promise', position, ...term })),
      ...rootCauses.map((term, position) => ({ kind: 'root-cause', position, ...term })),
      ...focusAreas.map((term, position) => ({ kind: 'focus-area', position, ...term })),
    ];
    await manager.query('DELETE FROM taxonomy_terms');
    await manager.query(
      `INSERT INTO taxonomy_terms (kind, code, label_sv, label_en, position)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])`,
      [
        terms.map((term) => term.kind),
        terms.map((term) => term.code),
        terms.map((term) => term.labelSv),
        terms.map((term) => term.labelEn),
        terms.map((term) => term.position),
      ],
    );
    await manager.query('DELETE FROM saved_replies');
    for (const reply of definition.savedReplies) {
      await manager.query(
        `INSERT INTO saved_replies (code, title_sv, title_en, text_sv, text_en, organisation_codes, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          reply.code,
          reply.titleSv,
          reply.titleEn,
          reply.textSv,
          reply.textEn,
          reply.organisationCodes,
          reply.position,
        ],
      );
    }
  }

  /**
   * Contracts, categories and organisations gone from the file are removed, unless cases
   * still point at them: history must keep its references, so such a file is refused.
   */
  private async removeWhatTheFileDropped(
    manager: EntityManager,
    definition: AreaDefinition,
  ): Promise<void> {
    const problems: AreaFileProblem[] = [];
    const contractCodes = definition.contracts.map((contract) => contract.code);
    const usedContracts = await manager.query<{ code: string; cases: string }[]>(
      `SELECT c.code, count(k.id)::text AS cases FROM contracts c JOIN cases k ON k.contract_id = c.id
        WHERE c.code <> ALL($1::text[]) GROUP BY c.code`,
      [contractCodes],
    );
    for (const { code, cases } of usedContracts) {
      problems.push({
        path: 'contracts',
        line: null,
        reason: `drops contract ${code}, which ${cases} case(s) refer to; end it with validTo instead`,
      });
    }
    const organisationCodes = definition.organisations.map((organisation) => organisation.code);
    const usedOrganisations = await manager.query<{ code: string }[]>(
      `SELECT o.code FROM organisations o
        WHERE o.code <> ALL($1::text[])
          AND (EXISTS (SELECT 1 FROM cases k WHERE k.responsible_organisation_id = o.id)
               OR EXISTS (SELECT 1 FROM contracts c WHERE c.operator_id = o.id AND c.code = ANY($2::text[]))
               OR EXISTS (SELECT 1 FROM users u WHERE u.organisation_id = o.id))`,
      [organisationCodes, contractCodes],
    );
    for (const { code } of usedOrganisations) {
      problems.push({
        path: 'organisations',
        line: null,
        reason: `drops organisation ${code}, which cases, contracts or user accounts refer to`,
      });
    }
    if (problems.length) throw new AreaFileRejectedError(problems);

    await manager.query('DELETE FROM contracts WHERE code <> ALL($1::text[])', [contractCodes]);
    await manager.query('DELETE FROM categories WHERE code <> ALL($1::text[])', [
      definition.categories.map((category) => category.code),
    ]);
    await manager.query('DELETE FROM organisations WHERE code <> ALL($1::text[])', [
      organisationCodes,
    ]);
  }
}

/** Equal as JSON values, whatever the order of object keys (jsonb does not keep it). */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
