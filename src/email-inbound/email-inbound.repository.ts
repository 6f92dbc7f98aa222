import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What matching a reply needs of a case: whom it belongs to. */
export interface ReplyTarget {
  id: string;
  reference: string;
  contactEmail: string | null;
}

const TARGET_COLUMNS = `c.id, c.reference, c.contact_email AS "contactEmail"`;

@Injectable()
export class EmailInboundRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByReference(reference: string): Promise<ReplyTarget | null> {
    const [row] = await this.dataSource.query<ReplyTarget[]>(
      `SELECT ${TARGET_COLUMNS} FROM cases c WHERE c.reference = $1`,
      [reference],
    );
    return row ?? null;
  }

  /** The case of an e-mail we sent, by its Message-ID (a reply to a handler's reply). */
  async findBySentMessageId(messageId: string): Promise<ReplyTarget | null> {
    const [row] = await this.dataSource.query<ReplyTarget[]>(
      `SELECT ${TARGET_COLUMNS} FROM outbound_messages o JOIN cases c ON c.id = o.case_id
        WHERE o.provider_ref = $1 AND o.channel = 'email'`,
      [messageId],
    );
    return row ?? null;
  }
}
