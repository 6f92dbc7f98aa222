import { Injectable } from '@nestjs/common';
import type Handlebars from 'handlebars';
import { INBOX_PATH, inboxLayout, SIGN_OUT_PATH, withLanguage } from '../auth/pages/inbox-pages';
import { inboxTexts } from '../auth/pages/inbox-texts';
import { inboxViewsDir } from '../auth/pages/inbox-views';
import type { Language } from '../cases/case.model';
import type { FieldError } from '../infra/errors/app-error';
import { projectFile } from '../infra/runtime/project-file';
import { AREA_SCOPE } from '../reports/monthly-exports.service';
import type { StoredExport } from '../reports/reports.service';
import { handlebarsViews } from '../infra/views/handlebars-views';
import type { ActionEffect } from './effect';
import { ACTION_STATUSES } from './partnership.entities';
import type { ActionView, ForumView, TaxonomyTermView } from './partnership.repository';
import { partnershipTexts } from './partnership-texts';

export const PARTNERSHIP_PATH = `${INBOX_PATH}/partnership`;
/** The report API the page's report form and links lead to; the session cookie signs in. */
export const REPORTS_API_PATH = '/api/v1/reports';
const REPORT_FORMATS_SHOWN = ['html', 'pdf', 'xlsx', 'csv', 'json'] as const;

export function partnershipPath(...parts: string[]): string {
  return [PARTNERSHIP_PATH, ...parts.map(encodeURIComponent)].join('/');
}

/** What the new-action form was sent with, to show again beside its errors. */
export interface ActionFormValues {
  title: string;
  description: string;
  focusAreas: string[];
  rootCauses: string[];
  contracts: string[];
  owner: string;
  cycle: string;
  decidedOn: string;
  dueOn: string;
}

/** What one of the forum and cycle forms was sent with, to show again beside its errors. */
export type ForumFormTyped =
  | {
      form: 'new-forum';
      values: { code: string; name: string; contract: string; members: string };
    }
  | { form: 'edit-forum'; id: string; values: { name: string; members: string } }
  | {
      form: 'new-cycle';
      values: {
        forum: string;
        code: string;
        startsOn: string;
        endsOn: string;
        focusAreas: string[];
      };
    }
  | {
      form: 'edit-cycle';
      id: string;
      values: { startsOn: string; endsOn: string; focusAreas: string[] };
    };

export interface PartnershipPageInput {
  taxonomy: TaxonomyTermView[];
  forums: ForumView[];
  actions: ActionView[];
  contracts: { id: string; code: string; name: string; operatorId: string }[];
  organisations: { id: string; code: string; name: string; kind: string }[];
  viewer: { organisationId: string; organisationCode: string; isAuthority: boolean };
  permissions: {
    writeActions: boolean;
    recordCycles: boolean;
    /** Creating and changing forums and cycles (the authority's admins). */
    keepForums: boolean;
    changeAction: (action: ActionView) => boolean;
  };
  csrf: string;
  signOutCsrf: string;
  name: string;
  organisation: string;
  today: string;
  /** The report form's month (the last complete one), the latest allowed, the stored files. */
  reports: { month: string; latestMonth: string; exports: StoredExport[] };
  error?: { message: string; fields: FieldError[] } | null;
  values?: ActionFormValues | null;
  typed?: ForumFormTyped | null;
}

/** The partnership page as HTML, in Swedish or English; values are escaped by Handlebars. */
@Injectable()
export class PartnershipPage {
  private readonly template: Handlebars.TemplateDelegate;

  constructor() {
    // The inbox's layout and partials, so that the page looks like the rest of the inbox.
    const { handlebars, read } = handlebarsViews(inboxViewsDir());
    this.template = handlebars.compile(read(projectFile('src/partnership/views/partnership.hbs')), {
      strict: true,
    });
  }

  render(language: Language, input: PartnershipPageInput): string {
    const texts = inboxTexts(language);
    const t = partnershipTexts(language);
    const labelOf = (kind: string, code: string) => {
      const term = input.taxonomy.find(
        (candidate) => candidate.kind === kind && candidate.code === code,
      );
      return term ? (language === 'sv' ? term.labelSv : term.labelEn) : code;
    };
    const labels = (kind: string, codes: string[]) =>
      codes.map((code) => labelOf(kind, code)).join(', ');
    const number = (value: number) => value.toLocaleString(language === 'sv' ? 'sv-SE' : 'en-GB');
    const change = (effect: ActionEffect) => {
      if (effect.change === null) return t.actions.noChange;
      const percent = Math.round((effect.change - 1) * 100);
      return `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${number(Math.abs(percent))} %`;
    };
    const values = input.values ?? null;
    const mine = (contract: { operatorId: string }) =>
      input.viewer.isAuthority || contract.operatorId === input.viewer.organisationId;

    const actions = input.actions.map((action) => ({
      id: action.id,
      title: action.title,
      description: action.description,
      contracts: action.contracts.length
        ? action.contracts.map((contract) => contract.code).join(', ')
        : t.actions.allContracts,
      owner: action.owner.name,
      status: t.actions.statuses[action.status],
      decided: action.decidedOn,
      due: action.dueOn ?? t.actions.noDue,
      tags: [labels('focus-area', action.focusAreas), labels('root-cause', action.rootCauses)]
        .filter(Boolean)
        .join(' · '),
      before: t.actions.rate(action.effect.before.cases, action.effect.before.per100k),
      beforeDates: `${action.effect.before.from} – ${action.effect.before.to}`,
      after: t.actions.rate(action.effect.after.cases, action.effect.after.per100k),
      afterDates: `${action.effect.after.from} – ${action.effect.after.to}`,
      change: change(action.effect),
      window: t.actions.window(action.effect.windowDays),
      statusForm: input.permissions.changeAction(action)
        ? {
            action: withLanguage(partnershipPath('actions', action.id, 'status'), language),
            csrf: input.csrf,
            options: ACTION_STATUSES.map((status) => ({
              value: status,
              label: t.actions.statuses[status],
              selected: status === action.status,
            })),
          }
        : null,
    }));

    const terms = (kind: string) => input.taxonomy.filter((term) => term.kind === kind);
    const checkboxGroup = (name: 'focusAreas' | 'rootCauses', kind: string, legend: string) => ({
      name,
      legend,
      hint: null,
      options: terms(kind).map((term) => ({
        value: term.code,
        label: language === 'sv' ? term.labelSv : term.labelEn,
        checked: values?.[name].includes(term.code) ?? false,
      })),
    });
    const cycles = input.forums.flatMap((forum) =>
      forum.cycles
        .filter((cycle) => !cycle.closedAt)
        .map((cycle) => ({ value: cycle.id, label: `${forum.name} ${cycle.code}` })),
    );
    const newAction = input.permissions.writeActions
      ? {
          action: withLanguage(partnershipPath('actions'), language),
          csrf: input.csrf,
          values: {
            title: values?.title ?? '',
            description: values?.description ?? '',
            decidedOn: values?.decidedOn ?? input.today,
            dueOn: values?.dueOn ?? '',
          },
          groups: [
            checkboxGroup('focusAreas', 'focus-area', t.newAction.fields.focusAreas),
            checkboxGroup('rootCauses', 'root-cause', t.newAction.fields.rootCauses),
            {
              name: 'contracts',
              legend: t.newAction.fields.contracts,
              hint: t.newAction.fields.contractsHint,
              options: input.contracts.filter(mine).map((contract) => ({
                value: contract.code,
                label: `${contract.code} – ${contract.name}`,
                checked: values?.contracts.includes(contract.code) ?? false,
              })),
            },
          ],
          owners: input.viewer.isAuthority
            ? input.organisations.map((organisation) => ({
                value: organisation.code,
                label: organisation.name,
                selected: organisation.code === (values?.owner || input.viewer.organisationCode),
              }))
            : null,
          cycles: [
            { value: '', label: t.newAction.fields.noCycle, selected: !values?.cycle },
            ...cycles.map((cycle) => ({ ...cycle, selected: values?.cycle === cycle.value })),
          ],
        }
      : null;

    const typed = input.typed ?? null;
    const keep = input.permissions.keepForums;
    const focusOptions = (checked: string[]) =>
      terms('focus-area').map((term) => ({
        value: term.code,
        label: language === 'sv' ? term.labelSv : term.labelEn,
        checked: checked.includes(term.code),
      }));
    const typedNewForum = typed?.form === 'new-forum' ? typed.values : null;
    const newForum = keep
      ? {
          action: withLanguage(partnershipPath('forums'), language),
          csrf: input.csrf,
          values: typedNewForum ?? { code: '', name: '', contract: '', members: '' },
          contracts: [
            { value: '', label: t.forumForms.wholeArea, selected: !typedNewForum?.contract },
            ...input.contracts.map((contract) => ({
              value: contract.code,
              label: `${contract.code} – ${contract.name}`,
              selected: typedNewForum?.contract === contract.code,
            })),
          ],
        }
      : null;

    const forums = input.forums.map((forum) => {
      const typedEdit = typed?.form === 'edit-forum' && typed.id === forum.id ? typed.values : null;
      const typedCycle =
        typed?.form === 'new-cycle' && typed.values.forum === forum.code ? typed.values : null;
      return {
        id: forum.id,
        name: forum.name,
        code: forum.code,
        scope: forum.contract ? `${t.forums.contract} ${forum.contract.code}` : t.forums.area,
        members: forum.members.length ? forum.members.join(', ') : t.forums.noMembers,
        editForm: keep
          ? {
              action: withLanguage(partnershipPath('forums', forum.id), language),
              csrf: input.csrf,
              open: typedEdit !== null,
              name: typedEdit?.name ?? forum.name,
              members: typedEdit?.members ?? forum.members.join('\n'),
            }
          : null,
        cycleForm: keep
          ? {
              action: withLanguage(partnershipPath('cycles'), language),
              csrf: input.csrf,
              open: typedCycle !== null,
              forum: forum.code,
              code: typedCycle?.code ?? '',
              startsOn: typedCycle?.startsOn ?? '',
              endsOn: typedCycle?.endsOn ?? '',
              focusAreas: focusOptions(typedCycle?.focusAreas ?? []),
            }
          : null,
        cycles: forum.cycles.map((cycle) => {
          const typedCycleEdit =
            typed?.form === 'edit-cycle' && typed.id === cycle.id ? typed.values : null;
          return {
            id: cycle.id,
            code: cycle.code,
            period: `${cycle.startsOn} – ${cycle.endsOn}`,
            state: cycle.closedAt ? t.forums.closed : t.forums.open,
            focusAreas: labels('focus-area', cycle.focusAreas) || t.forums.nothingYet,
            reflections: cycle.reflections ?? t.forums.nothingYet,
            decisions: cycle.decisions ?? t.forums.nothingYet,
            form: input.permissions.recordCycles
              ? {
                  action: withLanguage(partnershipPath('cycles', cycle.id, 'record'), language),
                  csrf: input.csrf,
                  reflections: cycle.reflections ?? '',
                  decisions: cycle.decisions ?? '',
                  closed: cycle.closedAt !== null,
                }
              : null,
            editForm: keep
              ? {
                  action: withLanguage(partnershipPath('cycles', cycle.id), language),
                  csrf: input.csrf,
                  open: typedCycleEdit !== null,
                  startsOn: typedCycleEdit?.startsOn ?? cycle.startsOn,
                  endsOn: typedCycleEdit?.endsOn ?? cycle.endsOn,
                  focusAreas: focusOptions(typedCycleEdit?.focusAreas ?? cycle.focusAreas),
                }
              : null,
          };
        }),
      };
    });

    const reports = {
      action: `${REPORTS_API_PATH}/monthly`,
      month: input.reports.month,
      latestMonth: input.reports.latestMonth,
      contracts: [
        { value: '', label: t.reports.wholeArea },
        ...input.contracts.filter(mine).map((contract) => ({
          value: contract.code,
          label: `${contract.code} – ${contract.name}`,
        })),
      ],
      formats: REPORT_FORMATS_SHOWN.map((format) => ({
        value: format,
        label: t.reports.formats[format],
        selected: format === 'html',
      })),
      cycles: input.forums.flatMap((forum) =>
        forum.cycles.map((cycle) => {
          const path = `${REPORTS_API_PATH}/cycles/${encodeURIComponent(cycle.id)}`;
          const begun = cycle.startsOn <= input.today;
          return {
            label: `${forum.name} ${cycle.code}`,
            period: `${cycle.startsOn} – ${cycle.endsOn}`,
            html: begun ? `${path}?format=html` : null,
            pdf: begun ? `${path}?format=pdf` : null,
          };
        }),
      ),
      exports: input.reports.exports.map((stored) => ({
        month: stored.month,
        scope: stored.scope === AREA_SCOPE ? t.reports.area : stored.scope,
        format: stored.format.toUpperCase(),
        fileName: stored.fileName,
        href: `${REPORTS_API_PATH}/exports/${encodeURIComponent(stored.id)}`,
      })),
    };

    const kinds = ['focus-area', 'root-cause', 'promise'] as const;
    const error = input.error ?? null;
    return this.template({
      layout: inboxLayout(texts, language, t.title, PARTNERSHIP_PATH, {
        signedInAs: texts.home.signedInAs(input.name, input.organisation),
        signOut: texts.home.signOut,
        signOutAction: withLanguage(SIGN_OUT_PATH, language),
        csrf: input.signOutCsrf,
      }),
      t,
      backHref: withLanguage(INBOX_PATH, language),
      summary: error
        ? {
            title: t.errorsTitle,
            items: error.fields.length
              ? error.fields.map((field) => ({
                  href: null,
                  text: `${field.field}: ${field.reason}`,
                }))
              : [{ href: null, text: error.message }],
          }
        : null,
      actions: actions.length ? actions : null,
      reports: {
        ...reports,
        cycles: reports.cycles.length ? reports.cycles : null,
        exports: reports.exports.length ? reports.exports : null,
      },
      newAction,
      newForum,
      forums,
      taxonomy: kinds.map((kind) => ({
        title: t.taxonomy.kinds[kind],
        terms: terms(kind).map((term) => ({
          code: term.code,
          label: language === 'sv' ? term.labelSv : term.labelEn,
        })),
      })),
    });
  }
}
