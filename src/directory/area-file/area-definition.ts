import type { OrganisationKind } from '../organisation.entity';
import type { ContractScope, TrafficMode } from '../../routing/routing.model';
import type { ResponseSettings } from './response-settings';

/** A validated area file with every reference resolved to a code that exists in it. */
export interface AreaDefinition {
  name: string;
  timeZone: string;
  authorityCode: string;
  organisations: Array<{ code: string; name: string; kind: OrganisationKind }>;
  categories: Array<{
    code: string;
    labelSv: string;
    labelEn: string;
    urgent: boolean;
    position: number;
    /** Tags a new case of this category gets; handlers adjust them. */
    promises: string[];
    focusAreas: string[];
  }>;
  /** Lowercased alias → route short names. */
  lineAliases: Record<string, string[]>;
  /** Category code → organisation code, for cases that reach no contract. */
  withoutContract: Record<string, string>;
  contracts: Array<{
    code: string;
    name: string;
    operatorCode: string;
    validFrom: string;
    validTo: string | null;
    mode: TrafficMode;
    regime: 'bus' | 'rail';
    scope: ContractScope;
    /** Organisation codes, with `authority` and `operator` already resolved. */
    responsibility: { default: string; rules: Record<string, string> };
  }>;
  /** Office hours, response targets, on-call contacts and message templates. */
  responses: ResponseSettings;
  /** Personal-data retention: days after a case is resolved or closed. */
  privacy: { retentionDays: number };
  /** Customer promises, root causes and focus areas that cases are tagged with. */
  taxonomy: AreaTaxonomy;
  /** Texts handlers start a reply from, per language. */
  savedReplies: AreaSavedReply[];
}

export interface TaxonomyTerm {
  code: string;
  labelSv: string;
  labelEn: string;
}

export interface AreaTaxonomy {
  promises: TaxonomyTerm[];
  rootCauses: TaxonomyTerm[];
  focusAreas: TaxonomyTerm[];
}

export interface AreaSavedReply {
  code: string;
  titleSv: string;
  titleEn: string;
  textSv: string | null;
  textEn: string | null;
  /** Empty: every organisation's handlers may use it. */
  organisationCodes: string[];
  position: number;
}

export interface AreaFileProblem {
  /** Where in the file: `contracts[2].validFrom`. */
  path: string;
  /** 1-based line in the file, where the YAML parser knows it. */
  line: number | null;
  reason: string;
}

/** The category codes every area file must define (PRODUCT.md's taxonomy). */
export const REQUIRED_CATEGORY_CODES = [
  'punctuality',
  'staff-treatment',
  'vehicle-cleanliness',
  'toilets',
  'safety',
  'threats-violence',
  'onboard-service',
  'disruption-information',
  'accessibility',
  'fares-tickets',
  'timetable-planning',
  'stops-shelters',
  'lost-property',
  'delay-compensation',
  'praise',
  'other',
] as const;
