import { Inject, Injectable } from '@nestjs/common';
import type Handlebars from 'handlebars';
import { inboxLayout, INBOX_PATH, SIGN_OUT_PATH, withLanguage } from '../auth/pages/inbox-pages';
import { inboxTexts } from '../auth/pages/inbox-texts';
import { CASE_CHANNELS, CASE_KINDS } from '../cases/case.model';
import type { Language } from '../cases/case.model';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { formatLocalDateTime } from '../messages/format-when';
import { casePageTexts } from './case-page-texts';
import type { Outcome } from './case-action-input';
import { compileInboxTemplate } from './inbox-template';
import { inboxListTexts } from './inbox-list-texts';
import { encodeCursor, INBOX_VIEWS, inboxSearchParams } from './inbox-query';
import type { InboxQuery } from './inbox-query';
import type { InboxCaseRow, InboxPage, InboxTransferRow } from './inbox.repository';

export function casePath(reference: string): string {
  return `${INBOX_PATH}/cases/${encodeURIComponent(reference)}`;
}

export interface InboxListInput {
  query: InboxQuery;
  page: InboxPage;
  csrf: string;
  name: string;
  organisation: string;
}

/** The inbox's list page as HTML, in Swedish or English; values are escaped by Handlebars. */
@Injectable()
export class InboxListPage {
  private readonly template: Handlebars.TemplateDelegate;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.template = compileInboxTemplate('inbox-list');
  }

  render(language: Language, input: InboxListInput): string {
    const texts = inboxTexts(language);
    const l = inboxListTexts(language);
    const { query, page } = input;
    const href = (params: URLSearchParams) => {
      params.set('lang', language);
      return `${INBOX_PATH}?${params.toString()}`;
    };
    const here = inboxSearchParams(query).toString();
    const switchPath = here ? `${INBOX_PATH}?${here}` : INBOX_PATH;
    const time = (at: Date) => formatLocalDateTime(at, language, this.config.AREA_TIMEZONE);
    const option = (value: string, label: string, current: string | null) => ({
      value,
      label,
      selected: value === (current ?? ''),
    });
    const { outcomes } = casePageTexts(language);
    const caseRows = page.rows
      .filter((row): row is InboxCaseRow => row.access === 'full')
      .map((row) => ({
        href: casePath(row.reference),
        reference: row.reference,
        received: time(row.receivedAt),
        category: row.category
          ? language === 'sv'
            ? row.category.labelSv
            : row.category.labelEn
          : l.nobody,
        line: row.line ?? l.nobody,
        responsible: row.triage
          ? `${row.responsibleOrganisation?.name ?? l.nobody} (${l.triage})`
          : (row.responsibleOrganisation?.name ?? l.nobody),
        status: row.merged
          ? l.merged
          : row.outcome
            ? `${l.statuses[row.status]} · ${outcomes[row.outcome as Outcome] ?? row.outcome}`
            : l.statuses[row.status],
        due: row.firstResponseDue ? time(row.firstResponseDue) : l.nobody,
        overdue: row.firstResponseOverdue ? l.overdue : null,
        assigned: row.assignedTo ?? l.nobody,
      }));
    const transferRows = page.rows
      .filter((row): row is InboxTransferRow => row.access === 'transferred')
      .map((row) => ({
        href: casePath(row.reference),
        reference: row.reference,
        when: time(row.transferredAt),
        to: row.transferredTo.name,
        reason: l.reasons[row.reason],
      }));
    return this.template({
      layout: inboxLayout(texts, language, texts.home.title, switchPath, {
        signedInAs: texts.home.signedInAs(input.name, input.organisation),
        signOut: texts.home.signOut,
        signOutAction: withLanguage(SIGN_OUT_PATH, language),
        csrf: input.csrf,
      }),
      t: texts.home,
      l,
      action: INBOX_PATH,
      partnershipHref: withLanguage(`${INBOX_PATH}/partnership`, language),
      views: INBOX_VIEWS.map((view) => ({
        value: view,
        label: l.views[view],
        current: view === query.view,
        href: href(inboxSearchParams({ view, filters: query.filters })),
      })),
      textFields: [
        { name: 'q', type: 'search', label: l.fields.q, value: query.filters.q ?? '' },
        {
          name: 'contract',
          type: 'text',
          label: l.fields.contract,
          value: query.filters.contract ?? '',
        },
        { name: 'line', type: 'text', label: l.fields.line, value: query.filters.line ?? '' },
        {
          name: 'category',
          type: 'text',
          label: l.fields.category,
          value: query.filters.category ?? '',
        },
        {
          name: 'focusArea',
          type: 'text',
          label: l.fields.focusArea,
          value: query.filters.focusArea ?? '',
        },
        {
          name: 'promise',
          type: 'text',
          label: l.fields.promise,
          value: query.filters.promise ?? '',
        },
        { name: 'from', type: 'date', label: l.fields.from, value: query.filters.from ?? '' },
        { name: 'to', type: 'date', label: l.fields.to, value: query.filters.to ?? '' },
      ],
      choiceFields: [
        {
          name: 'kind',
          label: l.fields.kind,
          options: [
            option('', l.fields.any, query.filters.kind),
            ...CASE_KINDS.map((kind) => option(kind, l.kinds[kind], query.filters.kind)),
          ],
        },
        {
          name: 'channel',
          label: l.fields.channel,
          options: [
            option('', l.fields.any, query.filters.channel),
            ...CASE_CHANNELS.map((channel) =>
              option(channel, l.channels[channel], query.filters.channel),
            ),
          ],
        },
      ],
      clearHref: href(new URLSearchParams()),
      caption: l.caption(l.views[query.view]),
      caseRows: caseRows.length ? caseRows : null,
      transferRows: transferRows.length ? transferRows : null,
      empty: page.rows.length === 0,
      nextHref: page.next
        ? href(inboxSearchParams(query, { after: encodeCursor(page.next) }))
        : null,
      firstHref: query.after ? href(inboxSearchParams(query)) : null,
    });
  }
}
