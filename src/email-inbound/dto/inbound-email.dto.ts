import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** An address alone (`anna@example.se`) or with a display name (`Anna <anna@example.se>`). */
export const MAILBOX_PATTERN = /^\s*(?:[^<>]*<\s*[^\s<>@]+@[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+)\s*$/;

/** At least one Message-ID in angle brackets: `<…@…>`. */
const MESSAGE_ID_PATTERN = /<[^<>\s]+>/;

/**
 * A traveller's e-mail as any provider's inbound webhook can pass it on: the headers that
 * find the case (In-Reply-To, References, the subject) and the text of the reply.
 */
export class InboundEmailDto {
  @ApiProperty({ example: 'Anna Andersson <anna@example.se>' })
  @IsString()
  @MaxLength(512)
  @Matches(MAILBOX_PATTERN, { message: 'must be an e-mail address' })
  from: string;

  @ApiProperty({ example: 'svar@synpunkt.example.se' })
  @IsString()
  @MaxLength(2000)
  to: string;

  @ApiProperty({ example: 'Re: Svar på ditt ärende SP-2026-000123' })
  @IsString()
  @MaxLength(998)
  subject: string;

  /** The reply's plain text; the provider's quote-stripped text when it offers one. */
  @ApiProperty({ example: 'Bussen kom fem minuter för tidigt, inte för sent.' })
  @IsString()
  @MaxLength(20_000)
  @Matches(/\S/, { message: 'must not be blank' })
  text: string;

  /** The e-mail's own Message-ID: a provider's retry with the same one is stored once. */
  @ApiProperty({ example: '<CAF=abc123@mail.example.se>' })
  @IsString()
  @MaxLength(998)
  @Matches(/\S/, { message: 'must not be blank' })
  messageId: string;

  @ApiPropertyOptional({ example: '<SP-2026-000123@synpunkt.example.se>' })
  @IsOptional()
  @IsString()
  @MaxLength(998)
  @Matches(MESSAGE_ID_PATTERN, { message: 'must hold a Message-ID in angle brackets' })
  inReplyTo?: string;

  /** The References header as sent: Message-IDs separated by white space. */
  @ApiPropertyOptional({
    example: '<SP-2026-000123@synpunkt.example.se> <0b5e…@synpunkt.example.se>',
  })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  @Matches(MESSAGE_ID_PATTERN, { message: 'must hold a Message-ID in angle brackets' })
  references?: string;
}
