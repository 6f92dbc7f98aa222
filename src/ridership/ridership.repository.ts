import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One contract's boardings in one month: the whole-contract figure, else the sum of its lines. */
export interface RidershipMonth {
  /** 'YYYY-MM'. */
  month: string;
  contractId: string;
  contractCode: string;
  boardings: number;
  /** The lines counted, when the file gave lines ([] when it gave the whole contract only). */
  lines: { line: string; boardings: number }[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@Injectable()
export class RidershipRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Boardings of the given months ('YYYY-MM') on the given contracts (null: every contract
   * with figures). A contract's month is its whole-contract row when there is one, else the
   * sum of its lines; a month with no figures for a contract is simply absent.
   */
  async ridershipFor(months: string[], contractIds: string[] | null): Promise<RidershipMonth[]> {
    const wanted = [...new Set(months.filter((month) => MONTH.test(month)))];
    if (wanted.length === 0 || (contractIds !== null && contractIds.length === 0)) return [];
    const rows = await this.dataSource.query<
      { month: string; contract_id: string; code: string; line: string; boardings: string }[]
    >(
      `SELECT to_char(r.month, 'YYYY-MM') AS month, r.contract_id, c.code, r.line, r.boardings
         FROM ridership r JOIN contracts c ON c.id = r.contract_id
        WHERE r.month = ANY($1::date[])
          AND ($2::uuid[] IS NULL OR r.contract_id = ANY($2::uuid[]))
        ORDER BY r.month, c.code, r.line`,
      [wanted.map((month) => `${month}-01`), contractIds],
    );
    const byKey = new Map<string, RidershipMonth & { whole: number | null }>();
    for (const row of rows) {
      const key = `${row.month}|${row.contract_id}`;
      let entry = byKey.get(key);
      if (!entry) {
        entry = {
          month: row.month,
          contractId: row.contract_id,
          contractCode: row.code,
          boardings: 0,
          lines: [],
          whole: null,
        };
        byKey.set(key, entry);
      }
      const boardings = Number(row.boardings);
      if (row.line === '') entry.whole = boardings;
      else entry.lines.push({ line: row.line, boardings });
    }
    return [...byKey.values()].map(({ whole, ...entry }) => ({
      ...entry,
      boardings: whole ?? entry.lines.reduce((sum, line) => sum + line.boardings, 0),
    }));
  }
}
