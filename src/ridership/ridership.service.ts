import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { InvalidInputError } from '../infra/errors/app-error';
import type { FieldError } from '../infra/errors/app-error';
import { recordPartnershipEvent } from '../partnership/partnership-events';
import { parseRidershipFile } from './ridership-file';
import type { RidershipFileError } from './ridership-file';

export interface RidershipImportSummary {
  rows: number;
  months: string[];
  contracts: string[];
  boardings: number;
}

/** A refused file: every error, each also as `line N, column` in the problem details. */
export class RidershipFileRefusedError extends InvalidInputError {
  constructor(readonly problems: RidershipFileError[]) {
    super(
      'ridership.invalid-file',
      `The ridership file was refused (${problems.length} error(s)); nothing was stored.`,
      problems.map((problem): FieldError & { line: number; column: string } => ({
        field: `line ${problem.line}, ${problem.column}`,
        reason: problem.reason,
        line: problem.line,
        column: problem.column,
      })),
    );
  }
}

export function summaryLine(summary: RidershipImportSummary): string {
  const months =
    summary.months.length > 1
      ? `${summary.months[0]}…${summary.months[summary.months.length - 1]}`
      : summary.months[0];
  return (
    `ridership imported: ${summary.rows} row(s), ${summary.months.length} month(s) (${months}), ` +
    `${summary.contracts.length} contract(s), ${summary.boardings} boardings`
  );
}

@Injectable()
export class RidershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Checks a whole file and stores it in one transaction, or refuses it whole with every
   * error. Each month and contract in the file replaces what was stored for that month and
   * contract (its lines included); other contracts' figures of the month stay.
   */
  async importText(
    text: string,
    actorUserId: string | null = null,
  ): Promise<RidershipImportSummary> {
    const contracts = new Map(
      (
        await this.dataSource.query<{ id: string; code: string }[]>(
          'SELECT id, code FROM contracts',
        )
      ).map((row) => [row.code, row.id]),
    );
    const result = parseRidershipFile(text, (code) => contracts.has(code));
    if (!result.ok) throw new RidershipFileRefusedError(result.errors);
    const rows = result.rows.map((row) => ({
      month: `${row.month}-01`,
      contractId: contracts.get(row.contract) as string,
      line: row.line,
      boardings: row.boardings,
    }));
    const pairs = [...new Set(rows.map((row) => `${row.month}|${row.contractId}`))].map((pair) =>
      pair.split('|'),
    );
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM ridership r USING unnest($1::date[], $2::uuid[]) AS p(month, contract_id)
          WHERE r.month = p.month AND r.contract_id = p.contract_id`,
        [pairs.map(([month]) => month), pairs.map(([, contractId]) => contractId)],
      );
      await manager.query(
        `INSERT INTO ridership (month, contract_id, line, boardings, imported_at)
         SELECT * , $5::timestamptz FROM unnest($1::date[], $2::uuid[], $3::text[], $4::bigint[])`,
        [
          rows.map((row) => row.month),
          rows.map((row) => row.contractId),
          rows.map((row) => row.line),
          rows.map((row) => String(row.boardings)),
          now,
        ],
      );
      await recordPartnershipEvent(manager, {
        actorUserId,
        what: 'import',
        entity: 'ridership',
        entityId: null,
        after: {
          rows: rows.length,
          pairs: pairs.map(([month, contractId]) => ({ month, contractId })),
        },
        at: now,
      });
    });
    return {
      rows: rows.length,
      months: [...new Set(result.rows.map((row) => row.month))].sort(),
      contracts: [...new Set(result.rows.map((row) => row.contract))].sort(),
      boardings: result.rows.reduce((sum, row) => sum + row.boardings, 0),
    };
  }
}
