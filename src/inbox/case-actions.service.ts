import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { CaseStatus } from '../cases/case.model';
import { CasesService } from '../cases/cases.service';
import { TransfersService } from '../cases/transfers.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { CLOCK } from '../infra/clock/clock';
import type { FieldError } from '../infra/errors/app-error';
import type { Clock } from '../infra/clock/clock';
import { EmailSenderService } from '../notifications/email-sender.service';
import { OutboxDispatcher } from '../notifications/outbox.dispatcher';
import { SmsSenderService } from '../notifications/sms-sender.service';
import { parseCaseAction, EMAIL_REPLY_MAX, SMS_REPLY_MAX, TAG_FIELDS } from './case-action-input';
import type { CaseAction, CaseActionInput, CaseTags, Outcome } from './case-action-input';
import { caseAccessOf } from './case-access';
import {
  CaseActionForbiddenError,
  CaseActionInvalidError,
  CaseStateConflictError,
  CaseUnavailableError,
} from './case-actions.errors';
import { CaseWorkRepository } from './case-work.repository';
import type { CaseHead } from './case-work.repository';
import { replyEmail } from './reply-email';

export interface CaseActionResult {
  reference: string;
  action: CaseAction;
  status: CaseStatus;
  /** The message queued to the traveller, for a reply or a question. */
  messageId?: string;
}

const OPEN: readonly CaseStatus[] = ['new', 'open', 'waiting-for-traveller'];

/**
 * A handler's actions on a case, for the page and the API alike. Each checks the viewer's
 * access through the one access module (a case they may not see in full does not exist
 * for them) and the case's state under a row lock, and leaves an audit event with who
 * did it and the before and after.
 */
@Injectable()
export class CaseActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: CaseWorkRepository,
    private readonly cases: CasesService,
    private readonly transfers: TransfersService,
    private readonly deadlines: DeadlinesService,
    private readonly sms: SmsSenderService,
    private readonly email: EmailSenderService,
    private readonly dispatcher: OutboxDispatcher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Reads the action's fields and performs it; refuses bad fields with each one named. */
  async perform(
    viewer: Principal,
    reference: string,
    action: CaseAction,
    raw: Record<string, unknown>,
  ): Promise<CaseActionResult> {
    const { input, errors } = parseCaseAction(action, raw);
    if (!input) {
      // Someone who may not see the case learns nothing from a form error either.
      this.workable(viewer, await this.work.findHead(reference));
      throw new CaseActionInvalidError(errors);
    }
    if (input.action === 'transfer') return this.transfer(viewer, reference, input);
    if (input.action === 'merge') return this.merge(viewer, reference, input.into);
    const result = await this.dataSource.transaction(async (manager) => {
      const head = await this.work.lockHead(manager, reference);
      const found = this.workable(viewer, head);
      return this.apply(manager, viewer, found, input);
    });
    // Replies and rescheduled checks leave through the outbox once committed.
    this.dispatcher.kick();
    return result;
  }

  private async apply(
    manager: EntityManager,
    viewer: Principal,
    head: CaseHead,
    input: Exclude<CaseActionInput, { action: 'transfer' | 'merge' }>,
  ): Promise<CaseActionResult> {
    const done = (status: CaseStatus, messageId?: string): CaseActionResult => ({
      reference: head.reference,
      action: input.action,
      status,
      ...(messageId ? { messageId } : {}),
    });
    const record = (type: string, data: Record<string, unknown>) =>
      this.cases.recordEvent(manager, head.id, viewer.userId, type, data);
    switch (input.action) {
      case 'claim':
        await this.assignTo(manager, head, viewer.userId, record, 'claimed');
        return done(head.status);
      case 'assign': {
        if (viewer.role !== 'supervisor' && viewer.role !== 'admin')
          throw new CaseActionForbiddenError('supervisors-only');
        const colleague = await this.work.findColleague(manager, input.userId);
        if (!colleague || colleague.organisationId !== viewer.organisationId)
          throw new CaseActionInvalidError([
            { field: 'userId', reason: 'is not a case handler of your organisation' },
          ]);
        await this.assignTo(manager, head, colleague.id, record, 'assigned');
        return done(head.status);
      }
      case 'reply':
      case 'ask': {
        const { messageId, status } = await this.reply(manager, viewer, head, input);
        return done(status, messageId);
      }
      case 'note': {
        const noteId = await this.work.insertNote(manager, {
          caseId: head.id,
          organisationId: viewer.organisationId,
          authorUserId: viewer.userId,
          body: input.body,
          shared: input.shared,
        });
        // The note's text stays out of the audit trail, which every full viewer reads.
        await record('note-added', {
          noteId,
          organisationId: viewer.organisationId,
          shared: input.shared,
        });
        return done(head.status);
      }
      case 'category': {
        if (!OPEN.includes(head.status)) throw new CaseStateConflictError('closed');
        if (head.category === input.category) throw new CaseStateConflictError('same-category');
        if (!(await this.work.categoryExists(manager, input.category)))
          throw new CaseActionInvalidError([
            { field: 'category', reason: `${input.category} is not a category of this area` },
          ]);
        await this.work.update(manager, head.id, { category: input.category });
        await record('category-set', {
          before: { category: head.category },
          after: { category: input.category },
        });
        return done(head.status);
      }
      case 'tags':
        await this.setTags(manager, head, input.tags, record);
        return done(head.status);
      case 'resolve':
        await this.resolve(manager, head, input.outcome, input.note, record);
        return done('resolved');
      case 'reopen':
        if (head.status !== 'resolved' && head.status !== 'closed')
          throw new CaseStateConflictError('not-resolved');
        // A duplicate stays closed: its traveller's matter goes on in the case it joined.
        if (head.mergedIntoCaseId) throw new CaseStateConflictError('merged');
        await this.work.update(manager, head.id, {
          status: 'open',
          outcome: null,
          reopenedAt: this.clock.now(),
        });
        await this.deadlines.restartResolution(manager, head.id);
        await record('reopened', {
          before: { status: head.status, outcome: head.outcome },
          after: { status: 'open', outcome: null },
        });
        return done('open');
    }
  }

  private async assignTo(
    manager: EntityManager,
    head: CaseHead,
    userId: string,
    record: (type: string, data: Record<string, unknown>) => Promise<void>,
    type: 'claimed' | 'assigned',
  ): Promise<void> {
    if (!OPEN.includes(head.status)) throw new CaseStateConflictError('closed');
    if (head.assignedUserId === userId) throw new CaseStateConflictError('already-assigned');
    await this.work.update(manager, head.id, { assignedUserId: userId });
    await record(type, {
      before: { assignedUserId: head.assignedUserId },
      after: { assignedUserId: userId },
    });
  }

  /** A reply on the traveller's own channel; it answers the first-response and legal-reply clocks. */
  private async reply(
    manager: EntityManager,
    viewer: Principal,
    head: CaseHead,
    input: { action: 'reply' | 'ask'; body: string },
  ): Promise<{ messageId: string; status: CaseStatus }> {
    if (head.status === 'closed') throw new CaseStateConflictError('closed');
    const to = head.replyChannel === 'sms' ? head.contactPhone : head.contactEmail;
    if (head.replyChannel === 'none' || !to) throw new CaseStateConflictError('no-contact');
    const max = head.replyChannel === 'sms' ? SMS_REPLY_MAX : EMAIL_REPLY_MAX;
    if (input.body.length > max)
      throw new CaseActionInvalidError([
        { field: 'body', reason: `must be at most ${max} characters for ${head.replyChannel}` },
      ]);
    const kind = input.action === 'ask' ? 'question' : 'message';
    const messageId =
      head.replyChannel === 'sms'
        ? await this.sms.queue(manager, { caseId: head.id, kind, to, body: input.body })
        : await this.email.queue(manager, {
            caseId: head.id,
            kind,
            to,
            ...replyEmail(head.reference, head.language, kind, input.body),
            inReplyTo: this.email.threadId(head.reference),
          });
    const now = this.clock.now();
    await this.deadlines.meet(manager, head.id, ['first-response', 'legal-reply'], now);
    let status = head.status;
    if (status === 'new') {
      status = 'open';
      await this.work.update(manager, head.id, { status });
    }
    await this.cases.recordEvent(manager, head.id, viewer.userId, 'replied', {
      channel: head.replyChannel,
      kind,
      messageId,
      before: { status: head.status },
      after: { status },
    });
    if (input.action === 'ask') {
      await this.cases.waitForTraveller(manager, head.id, viewer.userId);
      status = 'waiting-for-traveller';
    }
    return { messageId, status };
  }

  private async resolve(
    manager: EntityManager,
    head: CaseHead,
    outcome: Outcome,
    note: string | undefined,
    record: (type: string, data: Record<string, unknown>) => Promise<void>,
  ): Promise<void> {
    if (!OPEN.includes(head.status)) throw new CaseStateConflictError('already-resolved');
    const now = this.clock.now();
    // A case resolved while waiting for the traveller: the pause ends with it.
    if (head.status === 'waiting-for-traveller') await this.deadlines.resume(manager, head.id, now);
    await this.work.update(manager, head.id, { status: 'resolved', outcome });
    await this.deadlines.meet(manager, head.id, ['resolution', 'legal-final'], now);
    await record('resolved', {
      outcome,
      note: note ?? null,
      before: { status: head.status },
      after: { status: 'resolved', outcome },
    });
  }

  /**
   * Customer promises, focus areas and root causes; a list left out stays as it is. Every
   * code must be in the area's taxonomy. Allowed on a resolved case too: the root cause is
   * often found after the answer.
   */
  private async setTags(
    manager: EntityManager,
    head: CaseHead,
    tags: Partial<CaseTags>,
    record: (type: string, data: Record<string, unknown>) => Promise<void>,
  ): Promise<void> {
    const kinds = { promises: 'promise', focusAreas: 'focus-area', rootCauses: 'root-cause' };
    const errors: FieldError[] = [];
    for (const field of TAG_FIELDS) {
      const unknown = await this.work.unknownTerms(manager, kinds[field], tags[field] ?? []);
      if (unknown.length)
        errors.push({ field, reason: `${unknown.join(', ')} not in the area's taxonomy` });
    }
    if (errors.length) throw new CaseActionInvalidError(errors);
    const before: Partial<CaseTags> = {};
    const after: Partial<CaseTags> = {};
    for (const field of TAG_FIELDS) {
      const given = tags[field];
      if (!given || sameSet(given, head[field])) continue;
      before[field] = head[field];
      after[field] = given;
    }
    if (!Object.keys(after).length) throw new CaseStateConflictError('same-tags');
    await this.work.update(manager, head.id, after);
    await record('tags-set', { before, after });
  }

  /**
   * A duplicate joins the case it repeats: it is closed with a link, and the other case
   * carries on (its handler answers both travellers). Both must be open and workable by the
   * viewer; they are locked in reference order, so two opposite merges cannot deadlock.
   */
  private async merge(
    viewer: Principal,
    reference: string,
    into: string,
  ): Promise<CaseActionResult> {
    if (into === reference)
      throw new CaseActionInvalidError([{ field: 'into', reason: 'must be another case' }]);
    const result = await this.dataSource.transaction(async (manager) => {
      const heads = await this.work.lockHeads(manager, [reference, into]);
      const duplicate = this.workable(viewer, heads.get(reference) ?? null);
      const target = heads.get(into);
      if (!target || caseAccessOf(viewer, target, target.transferredFrom) !== 'full')
        throw new CaseActionInvalidError([{ field: 'into', reason: 'is not a case you can work' }]);
      if (!OPEN.includes(duplicate.status)) throw new CaseStateConflictError('closed');
      if (!OPEN.includes(target.status) || target.mergedIntoCaseId)
        throw new CaseStateConflictError('target-closed');
      const now = this.clock.now();
      if (duplicate.status === 'waiting-for-traveller')
        await this.deadlines.resume(manager, duplicate.id, now);
      await this.work.update(manager, duplicate.id, {
        status: 'closed',
        mergedIntoCaseId: target.id,
      });
      await this.cases.recordEvent(manager, duplicate.id, viewer.userId, 'merged-into', {
        into: target.reference,
        before: { status: duplicate.status },
        after: { status: 'closed', mergedInto: target.reference },
      });
      await this.cases.recordEvent(manager, target.id, viewer.userId, 'merged-from', {
        from: duplicate.reference,
      });
      return { reference, action: 'merge' as const, status: 'closed' as const };
    });
    this.dispatcher.kick();
    return result;
  }

  /** "Not ours": the case goes on, and the viewer's organisation keeps only the summary. */
  private async transfer(
    viewer: Principal,
    reference: string,
    input: Extract<CaseActionInput, { action: 'transfer' }>,
  ): Promise<CaseActionResult> {
    const head = this.workable(viewer, await this.work.findHead(reference));
    if (!OPEN.includes(head.status)) throw new CaseStateConflictError('closed');
    const { case: moved } = await this.transfers.transfer(reference, {
      reason: input.reason,
      note: input.note,
      toOrganisationCode: input.to,
      actor: viewer.userId,
    });
    // The person who worked it belongs to the party that gave it away.
    if (head.assignedUserId)
      await this.dataSource.transaction(async (manager) => {
        const colleague = await this.work.findColleague(manager, head.assignedUserId ?? '');
        if (colleague?.organisationId === moved.responsibleOrganisationId) return;
        await this.work.update(manager, head.id, { assignedUserId: null });
        await this.cases.recordEvent(manager, head.id, viewer.userId, 'unassigned', {
          before: { assignedUserId: head.assignedUserId },
          after: { assignedUserId: null },
        });
      });
    this.dispatcher.kick();
    return { reference, action: 'transfer', status: moved.status };
  }

  /** The case if the viewer may work it: unseen is 404, read-only is 403. */
  private workable(viewer: Principal, head: CaseHead | null): CaseHead {
    if (!head || caseAccessOf(viewer, head, head.transferredFrom) !== 'full')
      throw new CaseUnavailableError();
    if (viewer.role === 'forum') throw new CaseActionForbiddenError('read-only');
    return head;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
