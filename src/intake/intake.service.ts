import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseEntity } from '../cases/case.entity';
import { CaseChannel, CaseKind, Language, ReplyChannel } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { ResponsePolicyService } from '../deadlines/response-policy.service';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { FieldError } from '../infra/errors/app-error';
import { JobName } from '../infra/queue/queue.registry';
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';
import { RoutingService } from '../routing/routing.service';
import type { OrganisationRef, RoutingDecision, TrafficMode } from '../routing/routing.model';
import { cleanOptional, cleanText } from './clean-text';
import { IntakeRejectedError } from './intake.errors';
import { detectPhotoType } from './photo-check';
import { toE164 } from './phone-number';

/** A report as every channel hands it over, already translated from the channel's own form. */
export interface IntakeReport {
  channel: CaseChannel;
  kind: CaseKind;
  category?: string;
  description: string;
  line?: string;
  stop?: string;
  mode?: TrafficMode;
  vehicleNumber?: string;
  occurredAt?: string;
  language?: Language;
  contact?: { name?: string; email?: string; phone?: string };
  replyChannel?: ReplyChannel;
  /** Recognises a repeated submission (a form token, an SMS MessageSid): the same key gives the same case. */
  idempotencyKey?: string;
  attachments?: IntakeAttachment[];
}

/** A photo's bytes (already checked by the channel) or an MMS media URL. */
export interface IntakeAttachment {
  contentType: string;
  filename?: string;
  data?: Buffer;
  url?: string;
}

export interface IntakeReceipt {
  case: CaseEntity;
  /** Who will handle it: the routed organisation, or the authority's triage. */
  responsible: OrganisationRef | null;
  /** True when the idempotency key had been seen: this is the earlier case, nothing new was stored. */
  duplicate: boolean;
  /** When a person will answer at the latest (the first-response target); null if unknown. */
  answerBy: Date | null;
}

// A phone's clock may run a little ahead; more than this is a mistake worth telling.
const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

/**
 * The one path every channel's report takes: check, store with its acknowledgement job
 * in one transaction, then let the dispatcher move the job on. A report is committed to
 * PostgreSQL before anything else happens to it.
 */
@Injectable()
export class IntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cases: CasesService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly routing: RoutingService,
    private readonly deadlines: DeadlinesService,
    private readonly policies: ResponsePolicyService,
  ) {}

  async submit(untrusted: IntakeReport): Promise<IntakeReceipt> {
    const report = cleaned(untrusted);
    if (report.idempotencyKey) {
      const earlier = await this.cases.findByIdempotencyKey(report.idempotencyKey);
      if (earlier) return this.repeated(earlier);
    }
    try {
      return await this.store(report);
    } catch (error) {
      // Two copies of one submission raced past the check above: the loser gets the winner's case.
      if (report.idempotencyKey && isUniqueViolation(error)) {
        const winner = await this.cases.findByIdempotencyKey(report.idempotencyKey);
        if (winner) return this.repeated(winner);
      }
      throw error;
    }
  }

  private async store(report: IntakeReport): Promise<IntakeReceipt> {
    const receivedAt = this.clock.now();
    const errors: FieldError[] = [];
    if (!report.description.trim())
      errors.push({ field: 'description', reason: 'must not be empty' });
    errors.push(...checkPhotos(report.attachments ?? []));

    let occurredAt: Date | null = null;
    if (report.occurredAt) {
      occurredAt = new Date(report.occurredAt);
      if (Number.isNaN(occurredAt.getTime()))
        errors.push({ field: 'occurredAt', reason: 'is not a date-time' });
      else if (occurredAt.getTime() > receivedAt.getTime() + FUTURE_TOLERANCE_MS)
        errors.push({ field: 'occurredAt', reason: 'is in the future' });
    }

    let phone: string | null = null;
    if (report.contact?.phone) {
      phone = toE164(report.contact.phone);
      if (!phone) errors.push({ field: 'contact.phone', reason: 'is not a phone number' });
    }
    const email = report.contact?.email || null;
    const replyChannel = report.replyChannel ?? (email ? 'email' : phone ? 'sms' : 'none');
    if (replyChannel === 'email' && !email)
      errors.push({ field: 'contact.email', reason: 'is needed for a reply by e-mail' });
    if (replyChannel === 'sms' && !phone && !report.contact?.phone)
      errors.push({ field: 'contact.phone', reason: 'is needed for a reply by SMS' });
    if (report.category && this.routing.isKnownCategory(report.category) === false)
      errors.push({ field: 'category', reason: 'is not a category of this area' });
    if (errors.length > 0) throw new IntakeRejectedError(errors);

    // Decided from the in-memory index before the transaction, stored within it: a case
    // is never stored unrouted.
    const decision = this.routing.decide({
      line: report.line,
      stop: report.stop,
      mode: report.mode,
      category: report.category,
      occurredAt: occurredAt ?? undefined,
      receivedAt,
    });

    const routed = routingFields(decision);
    const kind = report.kind;
    const deadlines = await this.deadlines.planNewCase({ kind, ...routed }, receivedAt);
    const jobs = [JobName.CaseAcknowledgement];
    if (this.policies.current()?.isUrgent(report.category ?? null)) jobs.push(JobName.UrgentAlert);

    // One statement: the case, its events, attachments, clocks and jobs commit together.
    const created = await this.cases.open(
      this.dataSource.manager,
      {
        kind: report.kind,
        category: report.category ?? null,
        description: report.description,
        lineText: report.line || null,
        stopText: report.stop || null,
        vehicleNumber: report.vehicleNumber || null,
        mode: report.mode ?? null,
        occurredAt,
        channel: report.channel,
        language: report.language ?? 'sv',
        contactName: report.contact?.name || null,
        contactEmail: email,
        contactPhone: phone,
        replyChannel,
        idempotencyKey: report.idempotencyKey ?? null,
        deadlineCheckId: deadlines?.check?.id ?? null,
        createdAt: receivedAt,
        ...routed,
      },
      receivedAt,
      {
        attachments: report.attachments,
        jobs,
        clocks: deadlines?.clocks,
        delayedJobs: deadlines?.check
          ? [{ job: JobName.DeadlineCheck, id: deadlines.check.id, runAt: deadlines.check.runAt }]
          : [],
      },
    );
    this.dispatcher.kick();
    return {
      case: created,
      responsible: decision?.responsible ?? null,
      duplicate: false,
      answerBy: firstResponseDue(deadlines?.clocks),
    };
  }

  private async repeated(earlier: CaseEntity): Promise<IntakeReceipt> {
    const clocks = await this.deadlines.findClocks(earlier.id);
    return {
      case: earlier,
      responsible: earlier.responsibleOrganisation,
      duplicate: true,
      answerBy: firstResponseDue(clocks),
    };
  }
}

function firstResponseDue(
  clocks: ReadonlyArray<{ kind: string; dueAt: Date | null }> | undefined,
): Date | null {
  return clocks?.find((clock) => clock.kind === 'first-response')?.dueAt ?? null;
}

function routingFields(decision: RoutingDecision | null) {
  if (!decision) {
    return {
      contractId: null,
      responsibleOrganisationId: null,
      triage: true,
      routingConfidence: null,
      routingReasons: ['no area directory is loaded'],
      gtfsRouteId: null,
      lineRef: null,
    };
  }
  return {
    contractId: decision.contract?.id ?? null,
    responsibleOrganisationId: decision.responsible.id,
    triage: decision.triage,
    routingConfidence: decision.confidence,
    routingReasons: decision.reasons,
    gtfsRouteId: decision.route?.routeId ?? null,
    lineRef: decision.route?.shortName ?? null,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string; driverError?: { code?: string } }).driverError?.code === '23505' ||
    (error as { code?: string }).code === '23505'
  );
}

/** The report with control characters removed from every text a traveller typed. */
function cleaned(report: IntakeReport): IntakeReport {
  return {
    ...report,
    description: cleanText(report.description),
    line: cleanOptional(report.line),
    stop: cleanOptional(report.stop),
    vehicleNumber: cleanOptional(report.vehicleNumber),
    contact: report.contact && {
      name: cleanOptional(report.contact.name),
      email: cleanOptional(report.contact.email),
      phone: cleanOptional(report.contact.phone),
    },
    attachments: report.attachments?.map((attachment) => ({
      ...attachment,
      filename: cleanOptional(attachment.filename),
    })),
  };
}

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MAX_COUNT = 3;

/**
 * Stored files must be photos by their bytes (JPEG or PNG), at most 5 MB and 3 of them,
 * whatever the channel claimed. Fixes each one's content type to what its bytes say.
 */
function checkPhotos(attachments: IntakeAttachment[]): FieldError[] {
  const files = attachments.filter((attachment) => attachment.data);
  if (files.length > PHOTO_MAX_COUNT)
    return [{ field: 'photos', reason: `must hold at most ${PHOTO_MAX_COUNT} photos` }];
  return files.flatMap((file, index) => {
    const type = detectPhotoType(file.data!);
    if (!type) return [{ field: `photos[${index}]`, reason: 'is not a JPEG or PNG image' }];
    if (file.data!.length > PHOTO_MAX_BYTES)
      return [{ field: `photos[${index}]`, reason: 'is larger than 5 MB' }];
    file.contentType = type;
    return [];
  });
}
