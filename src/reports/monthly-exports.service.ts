import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Handlebars from 'handlebars';
import { DataSource } from 'typeorm';
import { firstSwedishWorkingDay } from '../calendar/swedish-holidays';
import { isoDateOf, wallClockAt } from '../calendar/zoned-time';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { EmailSenderService } from '../notifications/email-sender.service';
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';
import { reportFile } from './report-files';
import type { ReportFileFormat } from './report-files';
import { addMonths, lastDayOf, swedishMonth } from './report-month';
import { ReportsService } from './reports.service';

/** Every format is stored; the forums get the two they read (the PDF and the workbook). */
const STORED_FORMATS: readonly ReportFileFormat[] = ['pdf', 'xlsx', 'csv', 'html'];
const MAILED_FORMATS: readonly ReportFileFormat[] = ['pdf', 'xlsx'];
export const AREA_SCOPE = 'area';

export interface ExportRunSummary {
  /** Null when the day is not the month's first working day. */
  month: string | null;
  filesMade: number;
  emailsQueued: number;
}

interface ExportScope {
  key: string;
  contract: { id: string; code: string; name: string } | null;
}

const escape = (text: string) => Handlebars.escapeExpression(text);

/**
 * The scheduled monthly export: on the first working day of a month, the previous month's
 * report for the area and for each contract valid in it, stored in every format and
 * e-mailed to each forum's members. Each file and each e-mail is written once (unique
 * keys, checked in the same transaction), so a second run sends nothing twice.
 */
@Injectable()
export class MonthlyExportsService {
  private readonly logger = new Logger(MonthlyExportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsService,
    private readonly email: EmailSenderService,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs the export when `now` falls on the first working day of its month. */
  async runIfDue(now: Date): Promise<ExportRunSummary> {
    const today = isoDateOf(wallClockAt(now.getTime(), this.config.AREA_TIMEZONE).dayNo);
    if (firstSwedishWorkingDay(today.slice(0, 7)) !== today)
      return { month: null, filesMade: 0, emailsQueued: 0 };
    return this.exportMonth(addMonths(today.slice(0, 7), -1));
  }

  async exportMonth(month: string): Promise<ExportRunSummary> {
    let filesMade = 0;
    for (const scope of await this.scopes(month)) filesMade += await this.store(month, scope);
    const emailsQueued = await this.mailForums(month);
    if (emailsQueued) this.dispatcher.kick();
    this.logger.log({ month, filesMade, emailsQueued }, 'monthly exports made');
    return { month, filesMade, emailsQueued };
  }

  /** The area, and each contract valid at some time in the month. */
  private async scopes(month: string): Promise<ExportScope[]> {
    const contracts = await this.dataSource.query<{ id: string; code: string; name: string }[]>(
      `SELECT id, code, name FROM contracts
        WHERE valid_from <= $2::date AND (valid_to IS NULL OR valid_to >= $1::date)
        ORDER BY code`,
      [`${month}-01`, lastDayOf(month)],
    );
    return [
      { key: AREA_SCOPE, contract: null },
      ...contracts.map((contract) => ({ key: contract.code, contract })),
    ];
  }

  /** The scope's files not made yet; the report is built only if one is missing. */
  private async store(month: string, scope: ExportScope): Promise<number> {
    const existing = await this.dataSource.query<{ format: string }[]>(
      'SELECT format FROM report_exports WHERE month = $1 AND scope = $2',
      [month, scope.key],
    );
    const missing = STORED_FORMATS.filter((f) => !existing.some((row) => row.format === f));
    if (!missing.length) return 0;
    const doc = await this.reports.build(
      month,
      { contractIds: scope.contract ? [scope.contract.id] : null },
      scope.contract,
      { contractId: scope.contract?.id ?? null },
    );
    let made = 0;
    for (const format of missing) {
      const file = await reportFile(doc, format, this.config.AREA_TIMEZONE);
      const inserted = await this.dataSource.query<unknown[]>(
        `INSERT INTO report_exports (month, scope, contract_id, format, file_name, content_type, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
        [
          month,
          scope.key,
          scope.contract?.id ?? null,
          format,
          file.fileName,
          file.contentType,
          file.body,
        ],
      );
      made += inserted.length;
    }
    return made;
  }

  /** One e-mail per forum member, each recorded in the same transaction as its queuing. */
  private async mailForums(month: string): Promise<number> {
    const forums = await this.dataSource.query<
      { id: string; name: string; members: string[]; scope: string }[]
    >(
      `SELECT f.id, f.name, f.members, coalesce(c.code, $1) AS scope
         FROM forums f LEFT JOIN contracts c ON c.id = f.contract_id ORDER BY f.code`,
      [AREA_SCOPE],
    );
    let queued = 0;
    for (const forum of forums) {
      const files = await this.dataSource.query<
        { fileName: string; contentType: string; content: Buffer; format: string }[]
      >(
        `SELECT file_name AS "fileName", content_type AS "contentType", content, format
           FROM report_exports WHERE month = $1 AND scope = $2 AND format = ANY($3::text[])
          ORDER BY format`,
        [month, forum.scope, MAILED_FORMATS],
      );
      if (files.length < MAILED_FORMATS.length) {
        // A forum of a contract that did not run that month has no export to send.
        this.logger.warn({ month, forum: forum.id }, 'no export for the forum; nothing sent');
        continue;
      }
      const mail = this.mailFor(
        month,
        forum,
        files.map((file) => file.fileName),
      );
      for (const recipient of new Set(forum.members.map((m) => m.trim().toLowerCase()))) {
        queued += await this.dataSource.transaction(async (manager) => {
          const [claimed] = await manager.query<unknown[]>(
            `INSERT INTO report_deliveries (month, forum_id, recipient, message_id)
             VALUES ($1, $2, $3, gen_random_uuid()) ON CONFLICT DO NOTHING RETURNING month`,
            [month, forum.id, recipient],
          );
          if (!claimed) return 0;
          const messageId = await this.email.queue(manager, {
            kind: 'monthly-report',
            to: recipient,
            ...mail,
            attachments: files.map(({ fileName, contentType, content }) => ({
              fileName,
              contentType,
              content,
            })),
          });
          await manager.query(
            `UPDATE report_deliveries SET message_id = $4
              WHERE month = $1 AND forum_id = $2 AND recipient = $3`,
            [month, forum.id, recipient, messageId],
          );
          return 1;
        });
      }
    }
    return queued;
  }

  private mailFor(
    month: string,
    forum: { name: string; scope: string },
    fileNames: string[],
  ): { subject: string; text: string; html: string } {
    const period = swedishMonth(month);
    const forumName = forum.name;
    const link = new URL('/api/v1/reports/monthly', this.config.PUBLIC_BASE_URL);
    link.searchParams.set('month', month);
    if (forum.scope !== AREA_SCOPE) link.searchParams.set('contract', forum.scope);
    link.searchParams.set('format', 'html');
    const lines = [
      `Hej,`,
      ``,
      `Här är synpunktsrapporten för ${period} till ${forumName}: ärenden per typ, kategori, kundlöfte och fokusområde, svarstider, felfördelade ärenden, grundorsaker och åtgärder.`,
      `Bifogat: ${fileNames.join(', ')}.`,
      `Inloggade kan också läsa den i Synpunkt: ${link.toString()}`,
      ``,
      `Rapporten innehåller inga personuppgifter.`,
    ];
    return {
      subject: `Synpunkter ${period} – ${forumName}`,
      text: lines.join('\n'),
      html: lines.map((line) => (line ? `<p>${escape(line)}</p>` : '')).join('\n'),
    };
  }
}
