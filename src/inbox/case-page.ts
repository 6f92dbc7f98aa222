import { Inject, Injectable } from '@nestjs/common';
import type Handlebars from 'handlebars';
import { inboxLayout, SIGN_OUT_PATH, withLanguage } from '../auth/pages/inbox-pages';
import { inboxTexts } from '../auth/pages/inbox-texts';
import { TRANSFER_REASONS } from '../cases/case-transfer.entity';
import type { Language } from '../cases/case.model';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import type { FieldError } from '../infra/errors/app-error';
import { formatLocalDateTime } from '../messages/format-when';
import { compileInboxTemplate } from './inbox-template';
import { EMAIL_REPLY_MAX, OUTCOMES, SMS_REPLY_MAX } from './case-action-input';
import type { Outcome } from './case-action-input';
import { casePageTexts } from './case-page-texts';
import type { CaseView, FullCaseView } from './case-page.service';
import type { AuditEntry } from './case-work.repository';
import { inboxListTexts } from './inbox-list-texts';
import { casePath } from './inbox-list-page';

export interface CasePageInput {
  view: CaseView;
  /** The token of the case's action forms and the one of the sign-out form. */
  csrf: string;
  signOutCsrf: string;
  name: string;
  organisation: string;
  /** A refused action: what was wrong, and what the handler had typed. */
  error?: { message: string; fields: FieldError[] } | null;
  values?: Record<string, string>;
  /** A saved reply the handler chose to start from: its text fills the reply field. */
  savedReply?: string;
}

/** What an audit event changed, as short "field: before → after" lines. */
function changesOf(data: Record<string, unknown>): string[] {
  const show = (value: unknown) =>
    value === null || value === undefined
      ? '–'
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  const before = (data.before ?? {}) as Record<string, unknown>;
  const after = (data.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const lines = fields.map((field) => `${field}: ${show(before[field])} → ${show(after[field])}`);
  for (const [key, value] of Object.entries(data))
    if (
      key !== 'before' &&
      key !== 'after' &&
      (typeof value === 'string' || typeof value === 'boolean')
    )
      lines.push(`${key}: ${String(value)}`);
  return lines;
}

/** The case page as HTML, in Swedish or English; every value is escaped by Handlebars. */
@Injectable()
export class CasePage {
  private readonly template: Handlebars.TemplateDelegate;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.template = compileInboxTemplate('case-page');
  }

  render(language: Language, input: CasePageInput): string {
    const texts = inboxTexts(language);
    const t = casePageTexts(language);
    const reference =
      input.view.access === 'full' ? input.view.head.reference : input.view.reference;
    const path = casePath(reference);
    const time = (at: Date | null) =>
      at ? formatLocalDateTime(new Date(at), language, this.config.AREA_TIMEZONE) : t.contact.none;
    const layout = inboxLayout(texts, language, t.title(reference), path, {
      signedInAs: texts.home.signedInAs(input.name, input.organisation),
      signOut: texts.home.signOut,
      signOutAction: withLanguage(SIGN_OUT_PATH, language),
      csrf: input.signOutCsrf,
    });
    const base = {
      layout,
      t,
      title: t.title(reference),
      backHref: withLanguage('/inbox', language),
      summary: input.error
        ? {
            title: t.errorTitle,
            items: [
              { href: null, text: input.error.message },
              ...input.error.fields.map((e) => ({ href: null, text: `${e.field}: ${e.reason}` })),
            ],
          }
        : null,
    };
    if (input.view.access === 'transferred') {
      const transfer = input.view.transfer;
      const l = inboxListTexts(language);
      return this.template({
        ...base,
        full: null,
        transferred: {
          when: transfer ? time(transfer.at) : t.contact.none,
          to: transfer?.to.name ?? t.contact.none,
          reason: transfer ? l.reasons[transfer.reason] : t.contact.none,
        },
      });
    }
    return this.template({
      ...base,
      transferred: null,
      full: this.full(language, input.view, input, path, time),
    });
  }

  private full(
    language: Language,
    view: FullCaseView,
    input: CasePageInput,
    path: string,
    time: (at: Date | null) => string,
  ) {
    const t = casePageTexts(language);
    const l = inboxListTexts(language);
    const { report, head } = view;
    const label = (c: { labelSv: string; labelEn: string }) =>
      language === 'sv' ? c.labelSv : c.labelEn;
    const action = (name: string) => withLanguage(`${path}/${name}`, language);
    const canReply =
      head.replyChannel !== 'none' &&
      Boolean(head.replyChannel === 'sms' ? head.contactPhone : head.contactEmail);
    const open = head.status !== 'resolved' && head.status !== 'closed';
    const actorOf = (event: AuditEntry) =>
      event.actorName ??
      (event.actor === 'system'
        ? t.history.system
        : event.actor === 'traveller'
          ? t.history.traveller
          : event.actor);
    const values = input.values ?? {};
    const chosen = view.savedReplies.find((reply) => reply.code === input.savedReply);
    const termLabel = (terms: { code: string; labelSv: string; labelEn: string }[]) => {
      const byCode = new Map(terms.map((term) => [term.code, label(term)]));
      // A code the area file has since dropped still reads as itself.
      return (code: string) => byCode.get(code) ?? code;
    };
    const tagGroup = (
      name: 'promises' | 'focusAreas' | 'rootCauses',
      terms: { code: string; labelSv: string; labelEn: string }[],
    ) => {
      const current = head[name];
      const named = termLabel(terms);
      const known = new Set(terms.map((term) => term.code));
      return {
        name,
        legend: t.tags[name],
        current: current.length ? current.map(named).join(', ') : t.tags.none,
        options: [
          ...terms.map((term) => ({
            value: term.code,
            label: label(term),
            checked: current.includes(term.code),
          })),
          ...current
            .filter((code) => !known.has(code))
            .map((code) => ({ value: code, label: code, checked: true })),
        ],
      };
    };
    return {
      report: [
        [t.report.status, l.statuses[head.status]],
        [t.report.kind, l.kinds[report.kind]],
        [t.report.category, report.category ? label(report.category) : t.contact.none],
        [t.report.line, report.lineText],
        [t.report.stop, report.stopText],
        [t.report.vehicle, report.vehicleNumber],
        [t.report.occurredAt, report.occurredAt ? time(report.occurredAt) : null],
        [t.report.received, time(report.receivedAt)],
        [t.report.channel, l.channels[report.channel]],
        [t.report.language, t.languages[view.language]],
        [t.report.responsible, report.responsibleOrganisation?.name ?? null],
        [t.report.contract, report.contractCode],
        [t.report.assigned, report.assignedTo],
        [t.report.outcome, head.outcome ? t.outcomes[head.outcome as Outcome] : null],
      ].map(([term, value]) => ({ term, value: value ?? t.contact.none })),
      description: report.description,
      contact: [
        [t.contact.name, view.contact.name],
        [t.contact.email, view.contact.email],
        [t.contact.phone, view.contact.phone],
        [t.contact.replyChannel, t.replyChannels[view.replyChannel]],
      ].map(([term, value]) => ({ term, value: value ?? t.contact.none })),
      routing: {
        confidence: report.routingConfidence ?? t.contact.none,
        reasons: report.routingReasons,
      },
      thread: view.thread.map((entry) => ({
        inbound: entry.direction === 'inbound',
        heading: `${entry.direction === 'inbound' ? t.thread.inbound : t.thread.outbound}${
          entry.kind ? ` – ${t.thread.kinds[entry.kind] ?? entry.kind}` : ''
        } (${entry.channel})`,
        when: time(entry.at),
        subject: entry.subject,
        body: entry.body,
        status: entry.status
          ? [
              t.thread.statuses[entry.status as keyof typeof t.thread.statuses] ?? entry.status,
              entry.providerStatus,
              entry.error,
            ]
              .filter(Boolean)
              .join(', ')
          : null,
      })),
      notes: view.notes.map((note) => ({
        when: time(note.at),
        by: note.author ? t.notes.by(note.author) : '',
        shared: note.shared ? t.notes.shared(note.organisation) : null,
        body: note.body,
      })),
      tags: [
        tagGroup('promises', view.taxonomy.promises),
        tagGroup('focusAreas', view.taxonomy.focusAreas),
        tagGroup('rootCauses', view.taxonomy.rootCauses),
      ],
      merges: {
        into: view.merges.into
          ? {
              reference: view.merges.into.reference,
              href: withLanguage(casePath(view.merges.into.reference), language),
            }
          : null,
        from: view.merges.from.map((link) => ({
          reference: link.reference,
          href: withLanguage(casePath(link.reference), language),
        })),
      },
      clocks: view.clocks.map((clock) => ({
        kind: t.clocks.kinds[clock.kind],
        due: time(clock.dueAt),
        state: t.clocks.states[clock.state],
        stateClass: `clock-state clock-state--${clock.state}`,
      })),
      events: view.events.map((event) => ({
        when: time(event.at),
        who: actorOf(event),
        what: event.type,
        changes: changesOf(event.data),
      })),
      actions: view.readOnly
        ? null
        : {
            open,
            claim: action('claim'),
            assign: view.colleagues.length
              ? {
                  href: action('assign'),
                  options: view.colleagues.map((c) => ({
                    value: c.id,
                    label: c.name,
                    selected: c.id === head.assignedUserId,
                  })),
                }
              : null,
            reply: canReply
              ? {
                  href: action('reply'),
                  ask: action('ask'),
                  label: t.actions.replyLabel(t.replyChannels[head.replyChannel]),
                  hint: t.actions.replyHint(
                    head.replyChannel === 'sms' ? SMS_REPLY_MAX : EMAIL_REPLY_MAX,
                  ),
                  value: values.body ?? chosen?.text ?? '',
                  saved: view.savedReplies.length
                    ? {
                        href: path,
                        language,
                        options: view.savedReplies.map((reply) => ({
                          value: reply.code,
                          label: reply.title,
                          selected: reply.code === chosen?.code,
                        })),
                      }
                    : null,
                }
              : null,
            note: { href: action('note'), value: values.note ?? '' },
            tags: action('tags'),
            merge: { href: action('merge'), value: values.into ?? '' },
            transfer: {
              href: action('transfer'),
              reasons: TRANSFER_REASONS.map((reason) => ({
                value: reason,
                label: l.reasons[reason],
              })),
            },
            category: {
              href: action('category'),
              options: view.categories.map((c) => ({
                value: c.code,
                label: label(c),
                selected: c.code === head.category,
              })),
            },
            resolve: {
              href: action('resolve'),
              outcomes: OUTCOMES.map((outcome) => ({ value: outcome, label: t.outcomes[outcome] })),
            },
            reopen: action('reopen'),
          },
      csrf: input.csrf,
    };
  }
}
