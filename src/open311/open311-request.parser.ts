import { isEmail, isURL } from 'class-validator';
import { CASE_KINDS } from '../cases/case.model';
import type { CaseKind } from '../cases/case.model';
import type { FieldError } from '../infra/errors/app-error';
import { ATTRIBUTE_CODES } from './open311-texts';
import type { AttributeCode } from './open311-texts';
import { parseW3cDateTime } from './open311-query.parser';
import { Open311InvalidRequestError } from './open311.errors';

/** "free form text limited to 4,000 characters" (POST Service Request, description). */
export const OPEN311_DESCRIPTION_MAX = 4000;

/** The POST arguments GeoReport v2 defines; `api_key` is read apart from the rest. */
const ARGUMENTS = [
  'api_key',
  'jurisdiction_id',
  'service_code',
  'lat',
  'long',
  'address_string',
  'address_id',
  'email',
  'device_id',
  'account_id',
  'first_name',
  'last_name',
  'phone',
  'description',
  'media_url',
] as const;
type Argument = (typeof ARGUMENTS)[number];

const MAX_LENGTHS: Partial<Record<Argument | `attribute[${AttributeCode}]`, number>> = {
  service_code: 64,
  address_string: 200,
  address_id: 64,
  email: 254,
  first_name: 100,
  last_name: 100,
  phone: 32,
  description: OPEN311_DESCRIPTION_MAX,
  media_url: 2000,
  jurisdiction_id: 200,
  device_id: 200,
  account_id: 200,
  'attribute[line]': 100,
  'attribute[stop]': 200,
  'attribute[vehicle_number]': 32,
};

export interface ParsedServiceRequest {
  serviceCode: string;
  kind: CaseKind;
  description: string;
  line?: string;
  stop?: string;
  occurredAt?: string;
  vehicleNumber?: string;
  addressString?: string;
  addressId?: string;
  contact: { name?: string; email?: string; phone?: string };
  mediaUrl?: string;
}

// `attribute[code]=value`; express's non-extended form parser leaves the brackets in the key.
const ATTRIBUTE_KEY = /^attribute\[([^\]]*)\](\[\])?$/;

/** The api_key from the form (as the spec's example sends it) or the query (as its swagger says). */
export function readApiKey(body: unknown, query: Record<string, unknown>): string | undefined {
  for (const value of [asRecord(body).api_key, query.api_key]) {
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}

/**
 * A POSTed service request, form-encoded or JSON (`attribute` as an object or as
 * `attribute[code]` keys), checked whole: every wrong argument is named at once.
 */
export function parseServiceRequest(body: unknown): ParsedServiceRequest {
  const errors: FieldError[] = [];
  const args = new Map<string, unknown>();
  const attributes = new Map<string, unknown>();
  for (const [key, value] of Object.entries(asRecord(body))) {
    const bracketed = ATTRIBUTE_KEY.exec(key);
    if (key === 'attribute' && isRecord(value)) {
      for (const [code, item] of Object.entries(value)) attributes.set(code, item);
    } else if (bracketed) {
      attributes.set(bracketed[1], value);
    } else if ((ARGUMENTS as readonly string[]).includes(key)) {
      args.set(key, value);
    } else {
      errors.push({ field: key.slice(0, 64), reason: 'is not an argument of GeoReport v2' });
    }
  }
  for (const code of attributes.keys()) {
    if (!(ATTRIBUTE_CODES as readonly string[]).includes(code)) {
      errors.push({
        field: `attribute[${code.slice(0, 64)}]`,
        reason: 'is not an attribute of this service',
      });
    }
  }

  const text = (field: string, value: unknown): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') {
      errors.push({ field, reason: 'must be given once, as text' });
      return undefined;
    }
    const trimmed = value.trim();
    const max = MAX_LENGTHS[field as keyof typeof MAX_LENGTHS];
    if (max !== undefined && trimmed.length > max) {
      errors.push({ field, reason: `must be at most ${max} characters` });
    }
    // An empty argument is the same as one not given.
    return trimmed || undefined;
  };
  const arg = (name: Argument) => text(name, args.get(name));
  const attribute = (code: AttributeCode) => text(`attribute[${code}]`, attributes.get(code));

  // A field already refused (given twice, say) is not also reported missing.
  const required = (field: string, value: string | undefined) => {
    if (!value && !errors.some((error) => error.field === field))
      errors.push({ field, reason: 'is required' });
  };
  const serviceCode = arg('service_code');
  required('service_code', serviceCode);
  const description = arg('description');
  required('description', description);

  const kind = attribute('kind');
  required('attribute[kind]', kind);
  if (kind && !(CASE_KINDS as readonly string[]).includes(kind)) {
    errors.push({ field: 'attribute[kind]', reason: `must be one of ${CASE_KINDS.join(', ')}` });
  }
  const occurredAt = attribute('occurred_at');
  if (occurredAt && !parseW3cDateTime(occurredAt)) {
    errors.push({
      field: 'attribute[occurred_at]',
      reason: 'must be a date-time with a time zone, e.g. 2021-10-05T08:00:00+02:00',
    });
  }

  const latText = arg('lat');
  const longText = arg('long');
  coordinate('lat', latText, 90, errors);
  coordinate('long', longText, 180, errors);
  if ((latText === undefined) !== (longText === undefined)) {
    errors.push({
      field: latText === undefined ? 'lat' : 'long',
      reason: 'must be given too: lat & long are sent together',
    });
  }
  const addressString = arg('address_string');
  const addressId = arg('address_id');
  if (latText === undefined && longText === undefined && !addressString && !addressId) {
    // "A full location parameter must be submitted."
    errors.push({
      field: 'location',
      reason: '(lat & long, address_string or address_id) is required',
    });
  }

  const email = arg('email');
  if (email && !isEmail(email))
    errors.push({ field: 'email', reason: 'must be an e-mail address' });
  const mediaUrl = arg('media_url');
  if (mediaUrl && !isURL(mediaUrl, { protocols: ['http', 'https'], require_protocol: true })) {
    errors.push({ field: 'media_url', reason: 'must be an http or https URL' });
  }
  // Accepted as the spec allows, and not kept: this service has one jurisdiction and no accounts.
  arg('jurisdiction_id');
  arg('device_id');
  arg('account_id');
  const name = [arg('first_name'), arg('last_name')].filter(Boolean).join(' ');
  const phone = arg('phone');
  const line = attribute('line');
  const stop = attribute('stop');
  const vehicleNumber = attribute('vehicle_number');

  if (errors.length > 0) throw new Open311InvalidRequestError(errors);
  return {
    serviceCode: serviceCode!,
    kind: kind as CaseKind,
    description: description!,
    line,
    stop,
    occurredAt,
    vehicleNumber,
    addressString,
    addressId,
    contact: { name: name || undefined, email, phone },
    mediaUrl,
  };
}

/** Checked and then let go: a case has no coordinates, and the router works from line and stop. */
function coordinate(
  field: 'lat' | 'long',
  value: string | undefined,
  bound: number,
  errors: FieldError[],
): void {
  if (value === undefined) return;
  const number = /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (Number.isNaN(number) || Math.abs(number) > bound) {
    errors.push({ field, reason: `must be a WGS84 degree between -${bound} and ${bound}` });
  }
}

const MEDIA_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  mp4: 'video/mp4',
};

/** A guess from the URL's extension; the media is not fetched, so `image/*` when there is none. */
export function mediaContentType(url: string): string {
  const extension = /\.([A-Za-z0-9]+)$/.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return (extension && MEDIA_TYPES[extension]) || 'image/*';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
