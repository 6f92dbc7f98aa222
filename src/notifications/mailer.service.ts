import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  inReplyTo?: string;
  attachments?: { fileName: string; contentType: string; content: Buffer }[];
}

/** E-mail through the SMTP server that SMTP_URL names. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Pooled: a few kept-open connections instead of a new SMTP session per message.
    const pooled = new URL(config.SMTP_URL);
    pooled.searchParams.set('pool', 'true');
    pooled.searchParams.set('maxConnections', '5');
    this.transport = createTransport(pooled.toString(), { from: config.MAIL_FROM });
  }

  async send(email: OutgoingEmail): Promise<string> {
    const info = (await this.transport.sendMail({
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      inReplyTo: email.inReplyTo,
      references: email.inReplyTo,
      attachments: email.attachments?.map((file) => ({
        filename: file.fileName,
        contentType: file.contentType,
        content: file.content,
      })),
    })) as { messageId: string };
    return info.messageId;
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
