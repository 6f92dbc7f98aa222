import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/auth.decorators';
import { SESSION_COOKIE } from '../auth/credentials';
import type { Principal } from '../auth/principal';
import { reportFile } from './report-files';
import { parseFormat, parseMonthlyReportRequest, REPORT_FORMATS } from './report-request';
import type { ReportFormat } from './report-request';
import type { ReportDocument } from './report-document';
import { ReportRequestInvalidError, StoredExportNotFoundError } from './reports.errors';
import { isMonth } from './report-month';
import { ReportsService } from './reports.service';
import type { StoredExport } from './reports.service';

// A report page has no script at all; its own styles are inline in the file it is.
const REPORT_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The monthly complaint-trend export, for the forums and for integrations. */
@ApiTags('reports')
@ApiCookieAuth(SESSION_COOKIE)
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Sign in first, or send an API token' })
@ApiBadRequestResponse({ description: 'A malformed or future month, an unknown contract' })
@ApiForbiddenResponse({ description: "A contract the caller's organisation does not operate" })
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /**
   * One month's counts, rates, response times, transfers, root causes and actions for the
   * area or one contract, as the caller's organisation may see them. No personal data.
   */
  @Get('monthly')
  @ApiQuery({ name: 'month', example: '2026-11' })
  @ApiQuery({ name: 'contract', required: false, example: 'UL-STAD-2019' })
  @ApiQuery({ name: 'format', required: false, enum: REPORT_FORMATS })
  @ApiOkResponse({ description: 'JSON, a zip of CSV files, XLSX, HTML or PDF' })
  async monthly(
    @CurrentUser() viewer: Principal,
    @Query() raw: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const { request, errors } = parseMonthlyReportRequest(raw, this.reports.currentMonth());
    if (!request) throw new ReportRequestInvalidError(errors);
    const doc = await this.reports.monthly(viewer, request.month, request.contract);
    await this.send(response, doc, request.format);
  }

  /**
   * A cycle's report for its forum: the monthly tables over the cycle, the chosen focus
   * areas month by month, the cycle's actions and their effect, and the forum's decisions.
   */
  @Get('cycles/:id')
  @ApiQuery({ name: 'format', required: false, enum: REPORT_FORMATS })
  @ApiOkResponse({ description: 'JSON, a zip of CSV files, XLSX, HTML or PDF' })
  async cycle(
    @CurrentUser() viewer: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() raw: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const { format, errors } = parseFormat(raw);
    if (!format) throw new ReportRequestInvalidError(errors);
    await this.send(response, await this.reports.cycle(viewer, id), format);
  }

  private async send(response: Response, doc: ReportDocument, format: ReportFormat): Promise<void> {
    response.setHeader('Cache-Control', 'private, no-store');
    if (format === 'json') {
      response.json(doc);
      return;
    }
    const file = await reportFile(doc, format, this.reports.timeZone);
    if (format === 'html') response.setHeader('Content-Security-Policy', REPORT_PAGE_CSP);
    response
      .status(200)
      .setHeader('Content-Type', file.contentType)
      .setHeader(
        'Content-Disposition',
        `${format === 'html' ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
      )
      .send(file.body);
  }

  /** The exports the monthly job stored (for the area and each contract), newest first. */
  @Get('exports')
  @ApiQuery({ name: 'month', required: false, example: '2026-11' })
  async exports(
    @CurrentUser() viewer: Principal,
    @Query('month') month: unknown,
  ): Promise<StoredExport[]> {
    if (month !== undefined && (typeof month !== 'string' || !isMonth(month)))
      throw new ReportRequestInvalidError([
        { field: 'month', reason: 'must be a month (YYYY-MM)' },
      ]);
    return this.reports.storedExports(viewer, month ?? null);
  }

  /** One stored export's file, as it was sent to the forums. */
  @Get('exports/:id')
  async exportFile(
    @CurrentUser() viewer: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.reports.storedExportFile(viewer, id);
    if (!file) throw new StoredExportNotFoundError();
    if (file.format === 'html') response.setHeader('Content-Security-Policy', REPORT_PAGE_CSP);
    response
      .status(200)
      .setHeader('Cache-Control', 'private, no-store')
      .setHeader('Content-Type', file.contentType)
      .setHeader(
        'Content-Disposition',
        `${file.format === 'html' ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
      )
      .send(file.content);
  }
}
