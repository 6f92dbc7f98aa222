import { Inject, Injectable } from '@nestjs/common';
import type { Language } from '../cases/case.model';
import { open311ApiKeys } from '../infra/config/app-config';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { InvalidInputError } from '../infra/errors/app-error';
import type { FieldError } from '../infra/errors/app-error';
import { IntakeService } from '../intake/intake.service';
import type { IntakeReport } from '../intake/intake.service';
import { isAcceptedApiKey } from './api-key';
import { MAX_RESULTS, parseRequestQuery } from './open311-query.parser';
import { mediaContentType, parseServiceRequest, readApiKey } from './open311-request.parser';
import type { ParsedServiceRequest } from './open311-request.parser';
import { attributesIn, serviceNotice, serviceTypeOf, statusNotes } from './open311-texts';
import {
  Open311ApiKeyError,
  Open311InvalidRequestError,
  Open311UnknownRequestError,
  Open311UnknownServiceError,
} from './open311.errors';
import { open311StatusOf } from './open311.model';
import type {
  Open311Discovery,
  Open311RequestReceipt,
  Open311ServiceDefinition,
  Open311ServiceRequest,
  Open311ServiceType,
} from './open311.model';
import { Open311Repository } from './open311.repository';
import type { RequestRow } from './open311.repository';

export interface Open311Submission {
  body: unknown;
  query: Record<string, unknown>;
  idempotencyKey?: string;
  language: Language;
}

// The intake's names for the fields it checks itself, as the Open311 client sent them.
const INTAKE_FIELDS: Record<string, string> = {
  category: 'service_code',
  occurredAt: 'attribute[occurred_at]',
  'contact.email': 'email',
  'contact.phone': 'phone',
};

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * GeoReport v2 over the case system: the area's categories as services, a POSTed
 * request translated for the one intake path, and the public view of requests.
 */
@Injectable()
export class Open311Service {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repository: Open311Repository,
    private readonly intake: IntakeService,
  ) {}

  async services(language: Language): Promise<Open311ServiceType[]> {
    const categories = await this.repository.categories();
    return categories.map((category) => serviceTypeOf(category, language));
  }

  async serviceDefinition(code: string, language: Language): Promise<Open311ServiceDefinition> {
    const [category] = await this.repository.categories(code);
    if (!category) throw new Open311UnknownServiceError(code);
    return { service_code: category.code, attributes: attributesIn(language) };
  }

  async submit(submission: Open311Submission): Promise<Open311RequestReceipt[]> {
    const keys = open311ApiKeys(this.config);
    const apiKey = readApiKey(submission.body, submission.query);
    if (!isAcceptedApiKey(apiKey, keys)) throw new Open311ApiKeyError(apiKey === undefined);
    const idempotencyKey = submission.idempotencyKey?.trim();
    if (idempotencyKey && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new Open311InvalidRequestError([
        { field: 'Idempotency-Key', reason: 'must be 1-200 printable ASCII characters' },
      ]);
    }

    const parsed = parseServiceRequest(submission.body);
    // "404 - service_code ... was not found"
    const [category] = await this.repository.categories(parsed.serviceCode);
    if (!category) throw new Open311UnknownServiceError(parsed.serviceCode);
    const report = await this.toReport(parsed, submission.language, idempotencyKey);

    const receipt = await this.intake.submit(report).catch((error: unknown) => {
      throw error instanceof InvalidInputError ? asOpen311Error(error.fieldErrors) : error;
    });
    return [
      {
        service_request_id: receipt.case.reference,
        service_notice: serviceNotice(
          receipt.responsible?.name ?? null,
          receipt.case.triage,
          submission.language,
        ),
        // Not kept: the case has no account, and the spec lets this be empty.
        account_id: null,
      },
    ];
  }

  async requests(
    query: Record<string, unknown>,
    language: Language,
  ): Promise<Open311ServiceRequest[]> {
    const parsed = parseRequestQuery(query, this.clock.now());
    const rows = await this.repository.findRequests(
      parsed.by === 'ids'
        ? { references: parsed.ids, limit: MAX_RESULTS }
        : { ...parsed, limit: MAX_RESULTS },
    );
    return this.toServiceRequests(rows, language);
  }

  async request(id: string, language: Language): Promise<Open311ServiceRequest[]> {
    const rows = await this.repository.findRequests({ references: [id], limit: 1 });
    if (rows.length === 0) throw new Open311UnknownRequestError(id);
    return this.toServiceRequests(rows, language);
  }

  async discovery(): Promise<Open311Discovery> {
    const area = await this.repository.areaSummary();
    // Sortable, and it moves when the area file (and so the service list) changes.
    const changeset = (area?.loadedAt ?? new Date(0)).toISOString();
    const baseUrl = this.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
    const provider = area?.authorityName ?? 'The regional public transport authority';
    return {
      changeset,
      contact: `${provider}, through ${baseUrl}.`,
      key_service:
        open311ApiKeys(this.config).length > 0
          ? `Reading needs no key. To create service requests, ask ${provider} for an api_key.`
          : 'No api_key is needed.',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${baseUrl}/open311/v2`,
          changeset,
          type: this.config.NODE_ENV === 'production' ? 'production' : 'test',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  private async toReport(
    parsed: ParsedServiceRequest,
    language: Language,
    idempotencyKey: string | undefined,
  ): Promise<IntakeReport> {
    // address_id is the jurisdiction's address key; ours are the timetable's stop ids.
    let stop = parsed.stop;
    if (parsed.addressId) {
      const known = await this.repository.stopById(parsed.addressId);
      if (!known) {
        throw new Open311InvalidRequestError([
          { field: 'address_id', reason: "is not a stop id of the area's timetable" },
        ]);
      }
      stop ??= known.name;
    }
    stop ??= parsed.addressString;
    return {
      channel: 'open311',
      kind: parsed.kind,
      category: parsed.serviceCode,
      description: parsed.description,
      line: parsed.line,
      stop,
      occurredAt: parsed.occurredAt,
      vehicleNumber: parsed.vehicleNumber,
      language,
      contact: parsed.contact,
      idempotencyKey: idempotencyKey ? `open311:${idempotencyKey}` : undefined,
      attachments: parsed.mediaUrl
        ? [{ contentType: mediaContentType(parsed.mediaUrl), url: parsed.mediaUrl }]
        : undefined,
    };
  }

  private async toServiceRequests(
    rows: RequestRow[],
    language: Language,
  ): Promise<Open311ServiceRequest[]> {
    const stops = await this.repository.stopsByName(
      rows.flatMap((row) => (row.stopText ? [row.stopText] : [])),
    );
    return rows.map((row) => {
      const stop = row.stopText ? stops.get(row.stopText.toLowerCase()) : undefined;
      return {
        service_request_id: row.reference,
        status: open311StatusOf(row.status),
        status_notes: statusNotes(row.status, language),
        service_name: (language === 'en' ? row.labelEn : row.labelSv) ?? null,
        service_code: row.category ?? '',
        // The traveller's own words are personal data and this view is public: never shown.
        description: null,
        agency_responsible: row.agency,
        service_notice: null,
        requested_datetime: row.createdAt.toISOString(),
        updated_datetime: row.updatedAt.toISOString(),
        // When a person will answer: the first-response target, while it is still running.
        expected_datetime: row.expectedAt ? new Date(row.expectedAt).toISOString() : null,
        // Only a stop the timetable knows: what a traveller typed may hold personal data.
        address: stop ? row.stopText : null,
        address_id: stop?.stopId ?? null,
        zipcode: null,
        lat: stop?.lat ?? null,
        long: stop?.lon ?? null,
        media_url: row.mediaUrl,
      };
    });
  }
}

function asOpen311Error(fieldErrors: FieldError[]): Open311InvalidRequestError {
  return new Open311InvalidRequestError(
    fieldErrors.map((error) => ({ ...error, field: INTAKE_FIELDS[error.field] ?? error.field })),
  );
}
