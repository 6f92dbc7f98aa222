import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CasesService } from '../cases/cases.service';
import { cleanText } from '../intake/clean-text';
import { EmailSenderService } from '../notifications/email-sender.service';
import { EmailInboundRepository, ReplyTarget } from './email-inbound.repository';

/** A traveller's e-mail as the webhook passes it on (validated by the controller's DTO). */
export interface InboundEmail {
  from: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string;
}

export type InboundEmailOutcome =
  | { kind: 'joined'; reference: string; matchedBy: 'thread' | 'subject'; duplicate: boolean }
  | { kind: 'no-case' }
  | { kind: 'wrong-sender' };

const REFERENCE_IN_TEXT = /\bSP-\d{4}-\d{6,}\b/i;
const THREAD_REFERENCE = /^<(SP-\d{4}-\d{6,})@[^<>@\s]+>$/i;
// A References header names the whole conversation; its newest ids are the ones to try.
const MAX_MESSAGE_IDS = 20;

/** The bare address of `Name <address>` or `address`, lower-cased. */
export function addressOf(mailbox: string): string {
  const bracketed = /<\s*([^<>\s]+)\s*>\s*$/.exec(mailbox);
  return (bracketed ? bracketed[1] : mailbox).trim().toLowerCase();
}

/** The Message-IDs of In-Reply-To, then of References newest first, each once. */
export function messageIdsOf(email: Pick<InboundEmail, 'inReplyTo' | 'references'>): string[] {
  const ids = (header?: string) => header?.match(/<[^<>\s]+>/g) ?? [];
  return [...new Set([...ids(email.inReplyTo), ...ids(email.references).reverse()])].slice(
    0,
    MAX_MESSAGE_IDS,
  );
}

/**
 * A traveller's e-mail reply joins its case's thread, as an SMS follow-up does: found by
 * the thread's Message-IDs or else by the reference in the subject, and accepted only from
 * the case's own contact address. A provider's retry (the same Message-ID) stores nothing.
 */
@Injectable()
export class EmailInboundService {
  private readonly logger = new Logger(EmailInboundService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: EmailInboundRepository,
    private readonly cases: CasesService,
    private readonly email: EmailSenderService,
  ) {}

  async receive(email: InboundEmail): Promise<InboundEmailOutcome> {
    const match = await this.findCase(email);
    if (!match) {
      this.logger.log('inbound e-mail matches no case; refused');
      return { kind: 'no-case' };
    }
    const { target, matchedBy } = match;
    const contact = target.contactEmail ? addressOf(target.contactEmail) : null;
    if (!contact || contact !== addressOf(email.from)) {
      this.logger.warn(
        { reference: target.reference, matchedBy },
        "inbound e-mail is not from the case's contact address; refused",
      );
      return { kind: 'wrong-sender' };
    }
    const added = await this.dataSource.transaction((manager) =>
      this.cases.addInboundMessage(manager, target.id, {
        channel: 'email',
        body: cleanText(email.text),
        providerRef: `email:${email.messageId.trim()}`,
      }),
    );
    this.logger.log(
      { reference: target.reference, matchedBy, duplicate: !added },
      'e-mail joined the thread of its case',
    );
    return { kind: 'joined', reference: target.reference, matchedBy, duplicate: !added };
  }

  private async findCase(
    email: InboundEmail,
  ): Promise<{ target: ReplyTarget; matchedBy: 'thread' | 'subject' } | null> {
    for (const id of messageIdsOf(email)) {
      const target = await this.byMessageId(id);
      if (target) return { target, matchedBy: 'thread' };
    }
    const reference = REFERENCE_IN_TEXT.exec(email.subject)?.[0].toUpperCase();
    const target = reference ? await this.repository.findByReference(reference) : null;
    return target ? { target, matchedBy: 'subject' } : null;
  }

  /** Our thread root (`<reference@host>`) or the Message-ID of an e-mail we sent on a case. */
  private async byMessageId(id: string): Promise<ReplyTarget | null> {
    const reference = THREAD_REFERENCE.exec(id)?.[1].toUpperCase();
    if (reference && this.email.threadId(reference).toLowerCase() === id.toLowerCase())
      return this.repository.findByReference(reference);
    return this.repository.findBySentMessageId(id);
  }
}
