import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Language } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { InvalidInputError } from '../infra/errors/app-error';
import { IntakeRejectedError } from '../intake/intake.errors';
import { IntakeService } from '../intake/intake.service';
import type { IntakeAttachment, IntakeReport } from '../intake/intake.service';
import { FormExpiredError, ReceiptNotFoundError } from './feedback.errors';
import { FeedbackRepository } from './feedback.repository';
import type { CategoryOption, Suggestion } from './feedback.repository';
import {
  checkFormValues,
  emptyFormValues,
  fromIntakeErrors,
  readFormValues,
} from './feedback-form';
import type { CheckedForm, FormError, FormValues } from './feedback-form';
import type { ReceiptFacts } from './feedback-pages';
import {
  isBrowserNonce,
  isReceiptToken,
  issueFormToken,
  newBrowserNonce,
  receiptToken,
  verifyFormToken,
} from './form-token';
import { detectPhotoType } from '../intake/photo-check';

// "linje 4", "buss 4": the feed knows the line as "4".
const LINE_WORD = /^(linje|buss|bus|line|tåg|train)\s+/i;

/** A photo as multer hands it over (memory storage). */
export interface UploadedPhoto {
  buffer: Buffer;
}

/** Why multer stopped reading photos before the form reached us. */
export type PhotoUploadProblem = 'tooLarge' | 'tooMany';

export interface FeedbackSubmission {
  fields: Record<string, unknown>;
  photos: UploadedPhoto[];
  uploadProblem: PhotoUploadProblem | null;
  /** The nonce of the browser's form cookie, if it sent one. */
  browserNonce: unknown;
  language: Language;
}

export interface FormToShow {
  token: string;
  categories: CategoryOption[];
  values: FormValues;
  errors: FormError[];
  photosDropped: boolean;
}

export type SubmitOutcome =
  | { kind: 'stored'; reference: string; receiptToken: string }
  /** The honeypot was filled: answer as if stored, store nothing. */
  | { kind: 'trapped' }
  | ({ kind: 'invalid' } & FormToShow);

/**
 * The web form's use cases: hand out a form bound to the browser, turn a post into an
 * IntakeReport for the one intake path, and show the receipt to whoever made the case.
 */
@Injectable()
export class FeedbackService {
  private readonly logger = new Logger(FeedbackService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly intake: IntakeService,
    private readonly cases: CasesService,
    private readonly repository: FeedbackRepository,
  ) {}

  /** A blank form; the browser keeps its cookie nonce if it has one, so open tabs stay valid. */
  async newForm(browserNonce: unknown): Promise<FormToShow & { browserNonce: string }> {
    const nonce = isBrowserNonce(browserNonce) ? browserNonce : newBrowserNonce();
    return {
      browserNonce: nonce,
      token: issueFormToken(this.config.FORM_SECRET, nonce, this.clock.now()),
      categories: await this.repository.categories(),
      values: emptyFormValues(),
      errors: [],
      photosDropped: false,
    };
  }

  async submit(submission: FeedbackSubmission): Promise<SubmitOutcome> {
    const now = this.clock.now();
    const { FORM_SECRET: secret } = this.config;
    const form = verifyFormToken(secret, submission.browserNonce, submission.fields.token, now);
    if (!form) throw new FormExpiredError();
    if (isFilled(submission.fields.website)) {
      this.logger.log('web form honeypot filled; nothing stored');
      return { kind: 'trapped' };
    }

    const values = readFormValues(submission.fields);
    const { errors, checked } = checkFormValues(values, this.config.AREA_TIMEZONE);
    const photos = this.checkPhotos(submission);
    errors.push(...photos.errors);
    const invalid = async (found: FormError[]): Promise<SubmitOutcome> => ({
      kind: 'invalid',
      // The same form, so the same case when it is sent; its clock starts again for the fixes.
      token: issueFormToken(secret, form.browserNonce, now, form.formId),
      categories: await this.repository.categories(),
      values,
      errors: found,
      photosDropped: submission.photos.length > 0 || submission.uploadProblem !== null,
    });
    if (!checked || errors.length > 0) return invalid(errors);

    try {
      const receipt = await this.intake.submit(
        this.toIntakeReport(values, checked, submission.language, form.formId, photos.attachments),
      );
      const reference = receipt.case.reference;
      return { kind: 'stored', reference, receiptToken: receiptToken(secret, reference) };
    } catch (error) {
      if (error instanceof IntakeRejectedError) return invalid(fromIntakeErrors(error.fieldErrors));
      throw error;
    }
  }

  /** What the receipt shows, for a reference and the token only its maker was given. */
  async receipt(reference: string, token: unknown): Promise<ReceiptFacts> {
    if (!isReceiptToken(this.config.FORM_SECRET, reference, token))
      throw new ReceiptNotFoundError();
    const found = await this.cases.getByReference(reference);
    const organisation = found.responsibleOrganisation;
    return {
      reference: found.reference,
      kind: found.kind,
      handler: !organisation
        ? { kind: 'unknown' }
        : found.triage
          ? { kind: 'triage', authority: organisation.name }
          : { kind: 'organisation', name: organisation.name },
      expectsAnswer: found.replyChannel !== 'none',
      answerBy: await this.answerByOf(found.id),
    };
  }

  private async answerByOf(caseId: string): Promise<ReceiptFacts['answerBy']> {
    const at = await this.cases.answerBy(caseId);
    // Said from when the page is read: a receipt opened again next day must not say "i morgon".
    return at ? { at, from: this.clock.now(), timeZone: this.config.AREA_TIMEZONE } : null;
  }

  /** Lines or stops of the active feed that start with what was typed, for the form's lists. */
  async suggest(query: { line?: string; stop?: string }): Promise<Suggestion[]> {
    const line = query.line?.trim().replace(LINE_WORD, '');
    const stop = query.stop?.trim();
    if (query.line !== undefined && query.stop !== undefined)
      throw new InvalidInputError('feedback.suggest-ambiguous', 'Ask for lines or for stops.', [
        { field: 'stop', reason: 'must not be given together with line' },
      ]);
    if (line) return this.repository.linesStartingWith(line);
    // One letter matches half the region's stops; wait for a second.
    if (stop && stop.length >= 2) return this.repository.stopsMatching(stop);
    return [];
  }

  /** The form in the intake's words; the form id makes a repeated post the same case. */
  private toIntakeReport(
    values: FormValues,
    checked: CheckedForm,
    language: Language,
    formId: string,
    attachments: IntakeAttachment[],
  ): IntakeReport {
    return {
      channel: 'web',
      kind: checked.kind,
      category: values.category || undefined,
      description: values.description,
      line: values.line || undefined,
      stop: values.stop || undefined,
      vehicleNumber: values.vehicle || undefined,
      occurredAt: checked.occurredAt,
      language,
      contact: {
        name: values.name || undefined,
        email: values.email || undefined,
        phone: values.phone || undefined,
      },
      replyChannel: checked.replyChannel,
      idempotencyKey: `web:${formId}`,
      attachments,
    };
  }

  private checkPhotos(submission: FeedbackSubmission): {
    errors: FormError[];
    attachments: IntakeAttachment[];
  } {
    if (submission.uploadProblem === 'tooLarge')
      return { errors: [{ field: 'photos', key: 'photos.tooLarge' }], attachments: [] };
    if (submission.uploadProblem === 'tooMany')
      return { errors: [{ field: 'photos', key: 'photos.tooMany' }], attachments: [] };
    const attachments: IntakeAttachment[] = [];
    for (const [index, photo] of submission.photos.entries()) {
      const contentType = detectPhotoType(photo.buffer);
      if (!contentType)
        return { errors: [{ field: 'photos', key: 'photos.notImage' }], attachments: [] };
      // The traveller's file name can carry a name or a place; a neutral one is kept instead.
      const extension = contentType === 'image/png' ? 'png' : 'jpg';
      attachments.push({
        contentType,
        filename: `photo-${index + 1}.${extension}`,
        data: photo.buffer,
      });
    }
    return { errors: [], attachments };
  }
}

function isFilled(value: unknown): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '';
}
