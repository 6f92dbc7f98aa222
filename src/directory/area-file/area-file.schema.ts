import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TRAFFIC_MODES } from '../../routing/routing.model';
import type { TrafficMode } from '../../routing/routing.model';

/** The shape of an area file (YAML). Cross-references are checked after this, in the parser. */

const CODE = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
const CODE_MESSAGE = 'must be an upper-case code of letters, digits and hyphens';
const CATEGORY_CODE = /^[a-z][a-z0-9-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CALENDAR_NAME = /^[a-z][a-z0-9-]{0,63}$/;
const CALENDAR_NAME_MESSAGE = 'must be a kebab-case calendar name from calendars';

export const ACKNOWLEDGE_POLICIES = ['always', 'outside-office-hours'] as const;
export type AcknowledgePolicy = (typeof ACKNOWLEDGE_POLICIES)[number];

/** A response time: whole business days, then open hours and minutes. */
export class DurationSchema {
  @IsOptional()
  @IsInt()
  @Min(0)
  days?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  hours?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  minutes?: number;
}

export class TargetsSchema {
  @IsOptional()
  @ValidateNested()
  @Type(() => DurationSchema)
  firstResponse?: DurationSchema;

  @IsOptional()
  @ValidateNested()
  @Type(() => DurationSchema)
  resolution?: DurationSchema;
}

/** Who is alerted day and night when an urgent case arrives. */
export class OnCallSchema {
  @IsOptional()
  @IsString()
  phone?: string;

  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;
}

/** What every party has besides its code and name: office hours, contacts, own texts. */
class PartySchema {
  @IsOptional()
  @Matches(CALENDAR_NAME, { message: CALENDAR_NAME_MESSAGE })
  calendar?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => OnCallSchema)
  onCall?: OnCallSchema;

  /** Where deadline warnings go. */
  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  notifyEmail?: string;

  @IsOptional()
  @IsObject()
  templates?: Record<string, unknown>;
}

/** The area's defaults for answering travellers. */
export class ResponsesSchema {
  @IsOptional()
  @Matches(CALENDAR_NAME, { message: CALENDAR_NAME_MESSAGE })
  calendar?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => TargetsSchema)
  targets?: TargetsSchema;

  /** Open time before a contract target at which the responsible party is warned. */
  @IsOptional()
  @ValidateNested()
  @Type(() => DurationSchema)
  warnBefore?: DurationSchema;

  /** Calendar days before a legal deadline at which the responsible party is warned. */
  @IsOptional()
  @IsInt()
  @Min(0)
  legalWarnDays?: number;

  @IsOptional()
  @IsIn(ACKNOWLEDGE_POLICIES, { message: `must be one of ${ACKNOWLEDGE_POLICIES.join(', ')}` })
  acknowledge?: AcknowledgePolicy;

  @IsOptional()
  @IsObject()
  templates?: Record<string, unknown>;
}

export class LabelSchema {
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  sv: string;

  @IsString()
  @MinLength(1)
  @MaxLength(120)
  en: string;
}

export class AreaSchema {
  @IsString()
  @MinLength(1)
  name: string;

  @IsString()
  @Matches(/^[A-Za-z]+\/[A-Za-z_]+$/, {
    message: 'must be an IANA time zone such as Europe/Stockholm',
  })
  timeZone: string;
}

export class OrganisationSchema extends PartySchema {
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsIn(['operator', 'other'], {
    message: 'must be operator or other (the authority is given apart)',
  })
  kind: 'operator' | 'other';
}

export class AuthoritySchema extends PartySchema {
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class CategorySchema {
  @Matches(CATEGORY_CODE, { message: 'must be a kebab-case code' })
  code: string;

  @ValidateNested()
  @Type(() => LabelSchema)
  label: LabelSchema;

  @IsOptional()
  @IsBoolean()
  urgent?: boolean;

  /** Customer promises a case of this category is tagged with when it arrives. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(CATEGORY_CODE, { each: true, message: 'must list kebab-case promise codes' })
  promises?: string[];

  /** Focus areas a case of this category is tagged with when it arrives. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(CATEGORY_CODE, { each: true, message: 'must list kebab-case focus-area codes' })
  focusAreas?: string[];
}

/** One term of the partnership's taxonomy: a customer promise, a root cause, a focus area. */
export class TermSchema {
  @Matches(CATEGORY_CODE, { message: 'must be a kebab-case code' })
  code: string;

  @ValidateNested()
  @Type(() => LabelSchema)
  label: LabelSchema;
}

/** What cases are tagged with; each list, when given, replaces the built-in one. */
export class TaxonomySchema {
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TermSchema)
  promises?: TermSchema[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TermSchema)
  rootCauses?: TermSchema[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TermSchema)
  focusAreas?: TermSchema[];
}

/** A reply text handlers start from, in one or both languages. */
export class SavedReplyTextSchema {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  sv?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  en?: string;
}

export class SavedReplySchema {
  @Matches(CATEGORY_CODE, { message: 'must be a kebab-case code' })
  code: string;

  @ValidateNested()
  @Type(() => LabelSchema)
  title: LabelSchema;

  @ValidateNested()
  @Type(() => SavedReplyTextSchema)
  text: SavedReplyTextSchema;

  /** Only these organisations' handlers see it; every organisation when left out. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(CODE, { each: true, message: CODE_MESSAGE })
  organisations?: string[];
}

export class ScopeSchema {
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  agencies?: string[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  routes?: string[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  lines?: string[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  operatorNames?: string[];
}

export class ResponsibilitySchema {
  /** `authority`, `operator` or an organisation code. */
  @IsString()
  default: string;

  @IsOptional()
  @IsObject()
  rules?: Record<string, string>;
}

export class ContractSchema {
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Matches(CODE, { message: CODE_MESSAGE })
  operator: string;

  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  validFrom: string;

  @IsOptional()
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  validTo?: string;

  @IsIn(TRAFFIC_MODES, { message: `must be one of ${TRAFFIC_MODES.join(', ')}` })
  mode: TrafficMode;

  @IsIn(['bus', 'rail'], { message: 'must be bus (EU 181/2011) or rail (EU 2021/782)' })
  regime: 'bus' | 'rail';

  @ValidateNested()
  @Type(() => ScopeSchema)
  scope: ScopeSchema;

  @ValidateNested()
  @Type(() => ResponsibilitySchema)
  responsibility: ResponsibilitySchema;

  /** Office hours of the operator's work under this contract, when they differ from its own. */
  @IsOptional()
  @Matches(CALENDAR_NAME, { message: CALENDAR_NAME_MESSAGE })
  calendar?: string;

  /** The contract's promised response times; missing ones come from `responses.targets`. */
  @IsOptional()
  @ValidateNested()
  @Type(() => TargetsSchema)
  targets?: TargetsSchema;

  @IsOptional()
  @IsIn(ACKNOWLEDGE_POLICIES, { message: `must be one of ${ACKNOWLEDGE_POLICIES.join(', ')}` })
  acknowledge?: AcknowledgePolicy;
}

/** How long personal data is kept once a case is resolved or closed. */
export class PrivacySchema {
  @IsInt()
  @Min(30)
  retentionDays: number;
}

export class AreaFileSchema {
  @IsInt()
  @Min(1)
  version: number;

  @ValidateNested()
  @Type(() => AreaSchema)
  area: AreaSchema;

  @ValidateNested()
  @Type(() => AuthoritySchema)
  authority: AuthoritySchema;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OrganisationSchema)
  organisations: OrganisationSchema[];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CategorySchema)
  categories: CategorySchema[];

  @IsOptional()
  @IsObject()
  lineAliases?: Record<string, string[]>;

  @IsOptional()
  @IsObject()
  withoutContract?: Record<string, string>;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContractSchema)
  contracts: ContractSchema[];

  /** Named office-hour calendars that parties and contracts refer to. */
  @IsOptional()
  @IsObject()
  calendars?: Record<string, unknown>;

  @IsOptional()
  @ValidateNested()
  @Type(() => ResponsesSchema)
  responses?: ResponsesSchema;

  @IsOptional()
  @ValidateNested()
  @Type(() => PrivacySchema)
  privacy?: PrivacySchema;

  @IsOptional()
  @ValidateNested()
  @Type(() => TaxonomySchema)
  taxonomy?: TaxonomySchema;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SavedReplySchema)
  savedReplies?: SavedReplySchema[];
}
