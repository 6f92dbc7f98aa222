import type { CaseStatus } from '../cases/case.model';

/** The response formats, chosen by the resource's extension (`services.xml`, `requests.json`). */
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

export type Open311Status = 'open' | 'closed';

/** One entry of GET services: an area category offered as a service type. */
export interface Open311ServiceType {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string | null;
  group: string | null;
}

export type Open311Datatype =
  'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: Array<{ key: string; name: string }>;
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** The answer to POST requests: realtime, so the id comes at once and no token is given. */
export interface Open311RequestReceipt {
  service_request_id: string;
  service_notice: string | null;
  account_id: string | null;
}

/** A service request as GET requests shows it to anyone: no free text, no contact details. */
export interface Open311ServiceRequest {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface Open311Error {
  code: number;
  description: string;
}

export interface Open311Discovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: Array<{
    specification: string;
    url: string;
    changeset: string;
    type: 'production' | 'test';
    formats: string[];
  }>;
}

/** Open311 knows two states; a case waiting for the traveller is still open. */
export function open311StatusOf(status: CaseStatus): Open311Status {
  switch (status) {
    case 'new':
    case 'open':
    case 'waiting-for-traveller':
      return 'open';
    case 'resolved':
    case 'closed':
      return 'closed';
  }
}

export function caseStatusesOf(status: Open311Status): CaseStatus[] {
  return status === 'open' ? ['new', 'open', 'waiting-for-traveller'] : ['resolved', 'closed'];
}
