import type { BusinessCalendar } from '../calendar/calendar.model';
import { compileCalendar } from '../calendar/calendar-definition';
import type { CaseKind, Language } from '../cases/case.model';
import type {
  AcknowledgePolicy,
  PartyResponseSettings,
} from '../directory/area-file/response-settings';
import type { ResponsePolicyData } from '../directory/directory.repository';
import { MessageTemplates } from '../messages/message-templates';
import type { LegalRegime, ResponseTargets, WarningLeads } from './clock.model';

/** The kinds of case the passenger-rights regulations give an answer deadline. */
const KINDS_WITH_LEGAL_DEADLINES: readonly CaseKind[] = ['complaint', 'delay-compensation'];

export interface PartyRef {
  id: string;
  code: string;
  name: string;
}

/** Everything that decides how and when one case is answered. */
export interface CasePolicy {
  party: PartyRef;
  calendar: BusinessCalendar;
  targets: ResponseTargets;
  /** Null when no regulation sets a deadline (no contract, or praise and questions). */
  regime: LegalRegime | null;
  acknowledge: AcknowledgePolicy;
  leads: WarningLeads;
  onCall: PartyResponseSettings['onCall'];
  notifyEmail: string | null;
}

export interface CaseFacts {
  kind: CaseKind;
  responsibleOrganisationId: string | null;
  contractId: string | null;
}

/**
 * The area's answering rules compiled for fast lookups: calendars parsed once, templates
 * compiled once. Pure and immutable; the service rebuilds it when the area file changes.
 */
export class ResponsePolicies {
  readonly templates: MessageTemplates;
  readonly timeZone: string;
  private readonly calendars = new Map<string, BusinessCalendar>();
  private readonly parties = new Map<string, PartyRef>();
  private readonly contracts: Map<string, ResponsePolicyData['contracts'][number]>;
  private readonly categories: Map<string, ResponsePolicyData['categories'][number]>;

  private constructor(private readonly data: ResponsePolicyData) {
    const { settings } = data;
    this.timeZone = data.timeZone;
    for (const [name, definition] of Object.entries(settings.calendars))
      this.calendars.set(name, compileCalendar(definition));
    for (const organisation of data.organisations) this.parties.set(organisation.id, organisation);
    this.contracts = new Map(data.contracts.map((contract) => [contract.id, contract]));
    this.categories = new Map(data.categories.map((category) => [category.code, category]));
    this.templates = new MessageTemplates(
      settings.defaults.templates,
      new Map(Object.entries(settings.parties).map(([code, party]) => [code, party.templates])),
    );
  }

  static build(data: ResponsePolicyData): ResponsePolicies {
    return new ResponsePolicies(data);
  }

  /** The rules for a case as it is routed now; null when it has no responsible party. */
  forCase(facts: CaseFacts): CasePolicy | null {
    const party = facts.responsibleOrganisationId
      ? this.parties.get(facts.responsibleOrganisationId)
      : undefined;
    if (!party) return null;
    const { settings } = this.data;
    const partySettings = settings.parties[party.code];
    const contract = facts.contractId ? this.contracts.get(facts.contractId) : undefined;
    const contractSettings = contract ? settings.contracts[contract.code] : undefined;
    // A contract's own hours and targets bind its operator, not the authority answering a
    // fares question about the same line.
    const underContract = contract?.operatorId === party.id ? contractSettings : undefined;
    const calendarName =
      underContract?.calendar ?? partySettings?.calendar ?? settings.defaults.calendar;
    return {
      party,
      calendar: this.calendars.get(calendarName) ?? this.calendars.get(settings.defaults.calendar)!,
      targets: { ...settings.defaults.targets, ...underContract?.targets },
      regime: contract && KINDS_WITH_LEGAL_DEADLINES.includes(facts.kind) ? contract.regime : null,
      acknowledge: underContract?.acknowledge ?? settings.defaults.acknowledge,
      leads: {
        business: settings.defaults.warnBefore,
        legalDays: settings.defaults.legalWarnDays,
      },
      onCall: partySettings?.onCall ?? { phone: null, email: null },
      notifyEmail: partySettings?.notifyEmail ?? null,
    };
  }

  /** The authority's rules: who is alerted when the responsible party has no on-call. */
  authority(): PartyRef & { onCall: PartyResponseSettings['onCall'] } {
    const party = this.parties.get(this.data.authorityId)!;
    return { ...party, onCall: this.data.settings.parties[party.code]?.onCall ?? emptyOnCall() };
  }

  isUrgent(category: string | null): boolean {
    return category ? (this.categories.get(category)?.urgent ?? false) : false;
  }

  categoryLabel(category: string | null, language: Language): string {
    const found = category ? this.categories.get(category) : undefined;
    if (!found) return '';
    return language === 'sv' ? found.labelSv : found.labelEn;
  }
}

function emptyOnCall(): PartyResponseSettings['onCall'] {
  return { phone: null, email: null };
}
