import { Body, Controller, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { twiml } from 'twilio';
import { Public } from '../auth/public.decorator';
import { SmsSenderService } from '../notifications/sms-sender.service';
import { SmsInboundService } from './sms-inbound.service';
import { SmsRateLimitGuard } from './sms-rate-limit.guard';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** Twilio's form fields; validated by signature, read leniently (Twilio adds fields over time). */
type TwilioForm = Record<string, string | undefined>;

const EMPTY_TWIML = new twiml.MessagingResponse().toString();

function mediaOf(form: TwilioForm): Array<{ url: string; contentType: string }> {
  const count = Math.min(10, Number(form.NumMedia ?? 0) || 0);
  return Array.from({ length: count }, (_, i) => ({
    url: form[`MediaUrl${i}`] ?? '',
    contentType: form[`MediaContentType${i}`] ?? 'application/octet-stream',
  })).filter((media) => media.url.startsWith('https://') || media.url.startsWith('http://'));
}

/**
 * Twilio's webhooks. They answer with empty TwiML as soon as the message is stored;
 * replies go out through the notification queue, never inline.
 */
@ApiExcludeController()
@Public()
@Controller('webhooks/twilio')
@UseGuards(TwilioSignatureGuard)
export class SmsController {
  constructor(
    private readonly inbound: SmsInboundService,
    private readonly sms: SmsSenderService,
  ) {}

  @Post('sms')
  @HttpCode(200)
  @UseGuards(SmsRateLimitGuard)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  async receive(@Body() form: TwilioForm): Promise<string> {
    await this.inbound.receive({
      messageSid: form.MessageSid ?? form.SmsSid ?? '',
      from: form.From ?? '',
      body: (form.Body ?? '').slice(0, 5000),
      media: mediaOf(form),
    });
    return EMPTY_TWIML;
  }

  @Post('status')
  @HttpCode(204)
  async status(@Body() form: TwilioForm): Promise<void> {
    const sid = form.MessageSid ?? form.SmsSid;
    const status = form.MessageStatus ?? form.SmsStatus;
    if (sid && status) await this.sms.recordStatus(sid, status, form.ErrorCode);
  }
}
