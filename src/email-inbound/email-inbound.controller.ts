import {
  Body,
  Controller,
  HttpCode,
  Post,
  UnprocessableEntityException,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import { InboundEmailDto } from './dto/inbound-email.dto';
import { EmailInboundService } from './email-inbound.service';
import { InboundEmailSecretGuard } from './inbound-email-secret.guard';

/**
 * Travellers' e-mail replies, from any provider's inbound webhook (or a small relay in
 * front of it) that can post this JSON with the shared secret.
 */
@ApiTags('inbound')
@Public()
@Controller('api/v1/inbound')
export class EmailInboundController {
  constructor(private readonly inbound: EmailInboundService) {}

  @Post('email')
  @HttpCode(200)
  // Throttled per client address first, as every public endpoint, then the secret.
  @UseGuards(ThrottlerGuard, InboundEmailSecretGuard)
  @ApiBearerAuth()
  @ApiOkResponse({ description: "Stored in the case's thread (or already was: `duplicate`)" })
  @ApiBadRequestResponse({ description: 'A field is missing or malformed' })
  @ApiUnauthorizedResponse({ description: 'The shared secret is missing or wrong' })
  @ApiNotFoundResponse({ description: 'INBOUND_EMAIL_SECRET is not configured' })
  @ApiUnprocessableEntityResponse({
    description: "No case matches, or the sender is not the case's contact; nothing stored",
  })
  async receive(@Body() body: InboundEmailDto): Promise<{ reference: string; duplicate: boolean }> {
    const outcome = await this.inbound.receive(body);
    switch (outcome.kind) {
      case 'joined':
        return { reference: outcome.reference, duplicate: outcome.duplicate };
      case 'no-case':
        throw new UnprocessableEntityException(
          'No case matches the e-mail (In-Reply-To, References or a reference in the subject).',
        );
      case 'wrong-sender':
        throw new UnprocessableEntityException(
          "The sender is not the case's contact address; nothing was stored.",
        );
    }
  }
}
