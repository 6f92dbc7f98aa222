import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface CategoryOption {
  code: string;
  label: { sv: string; en: string };
}

export interface Suggestion {
  /** What goes into the field: what the router reads. */
  value: string;
  /** What the list shows beside it, when there is more to say. */
  label: string | null;
}

export const MAX_SUGGESTIONS = 10;

// A traveller's text inside LIKE: their % and _ are letters, not wildcards.
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The form's reads: the area's categories, and lines and stops of the active GTFS feed. */
@Injectable()
export class FeedbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async categories(): Promise<CategoryOption[]> {
    const rows = await this.dataSource.query<
      Array<{ code: string; label_sv: string; label_en: string }>
    >('SELECT code, label_sv, label_en FROM categories ORDER BY position, code');
    return rows.map((row) => ({ code: row.code, label: { sv: row.label_sv, en: row.label_en } }));
  }

  /** Lines whose short name starts with the text, shortest first ("4" before "40"). */
  async linesStartingWith(text: string): Promise<Suggestion[]> {
    const rows = await this.dataSource.query<Array<{ short_name: string; label: string | null }>>(
      `SELECT short_name, label FROM (
         SELECT DISTINCT ON (lower(r.short_name)) r.short_name,
                coalesce(nullif(r.long_name, ''), nullif(r.description, '')) AS label
           FROM gtfs_routes r JOIN gtfs_feeds f ON f.id = r.feed_id AND f.active
          WHERE r.short_name ILIKE $1 ESCAPE '\\'
          ORDER BY lower(r.short_name), r.long_name) AS lines
        ORDER BY length(short_name), short_name
        LIMIT $2`,
      [`${likeLiteral(text)}%`, MAX_SUGGESTIONS],
    );
    return rows.map((row) => ({ value: row.short_name, label: row.label }));
  }

  /** Stops whose name, or a word of it, starts with the text; whole-name matches first. */
  async stopsMatching(text: string): Promise<Suggestion[]> {
    const rows = await this.dataSource.query<Array<{ name: string }>>(
      `SELECT s.name
         FROM gtfs_stops s JOIN gtfs_feeds f ON f.id = s.feed_id AND f.active
        WHERE s.name ILIKE $1 ESCAPE '\\' OR s.name ILIKE $2 ESCAPE '\\'
        GROUP BY s.name
        ORDER BY bool_or(s.name ILIKE $1 ESCAPE '\\') DESC, s.name
        LIMIT $3`,
      [`${likeLiteral(text)}%`, `% ${likeLiteral(text)}%`, MAX_SUGGESTIONS],
    );
    return rows.map((row) => ({ value: row.name, label: null }));
  }
}
