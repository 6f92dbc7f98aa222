import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFiles,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import type { Language } from '../cases/case.model';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { FeedbackPages } from './feedback-pages';
import { FeedbackService } from './feedback.service';
import type { PhotoUploadProblem, UploadedPhoto } from './feedback.service';
import { pickLanguage } from './i18n/language';
import { PhotoProblem, PhotoUploadInterceptor } from './photo-upload.interceptor';

/** The cookie holding the browser's nonce that form tokens are bound to. */
export const FORM_COOKIE = 'synpunkt_form';

function send(response: Response, status: number, html: string): void {
  // Pages carry a form token or a receipt: never to be kept by a cache.
  response.status(status).set('Cache-Control', 'no-store').type('html').send(html);
}

/**
 * The traveller's web form: server-rendered, usable without JavaScript, in Swedish or
 * English. Posts are checked against a token bound to the browser's cookie, and a
 * stored case answers with a redirect to its receipt (Post/Redirect/Get).
 */
@ApiExcludeController()
@Public()
@Controller('feedback')
export class FeedbackController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feedback: FeedbackService,
    private readonly pages: FeedbackPages,
  ) {}

  @Get()
  async form(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
  ): Promise<void> {
    const language = this.languageOf(request, lang);
    const form = await this.feedback.newForm(request.cookies?.[FORM_COOKIE]);
    response.cookie(FORM_COOKIE, form.browserNonce, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.PUBLIC_BASE_URL.startsWith('https:'),
      path: '/feedback',
    });
    send(response, 200, this.pages.form({ language, ...form }));
  }

  @Post()
  @UseGuards(ThrottlerGuard)
  @UseInterceptors(PhotoUploadInterceptor)
  async submit(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFiles() photos: UploadedPhoto[] | undefined,
    @PhotoProblem() uploadProblem: PhotoUploadProblem | null,
  ): Promise<void> {
    const language = this.languageOf(request, lang);
    const outcome = await this.feedback.submit({
      fields: body ?? {},
      photos: photos ?? [],
      uploadProblem,
      browserNonce: request.cookies?.[FORM_COOKIE],
      language,
    });
    switch (outcome.kind) {
      case 'stored': {
        const query = new URLSearchParams({ t: outcome.receiptToken, lang: language });
        response.redirect(303, `/feedback/receipt/${outcome.reference}?${query.toString()}`);
        return;
      }
      case 'trapped':
        response.redirect(303, `/feedback/thanks?lang=${language}`);
        return;
      case 'invalid':
        send(response, 400, this.pages.form({ language, ...outcome }));
        return;
    }
  }

  @Get('receipt/:reference')
  async receipt(
    @Req() request: Request,
    @Res() response: Response,
    @Param('reference') reference: string,
    @Query('t') token: unknown,
    @Query('lang') lang: unknown,
  ): Promise<void> {
    const language = this.languageOf(request, lang);
    const receipt = await this.feedback.receipt(reference, token);
    const path = `/feedback/receipt/${receipt.reference}?t=${encodeURIComponent(String(token))}`;
    send(response, 200, this.pages.receipt(language, receipt, path));
  }

  /** Where a post caught by the honeypot lands: it looks like success and says nothing. */
  @Get('thanks')
  thanks(@Req() request: Request, @Res() response: Response, @Query('lang') lang: unknown): void {
    send(response, 200, this.pages.message(this.languageOf(request, lang), 'thanks'));
  }

  private languageOf(request: Request, lang: unknown): Language {
    return pickLanguage(lang, request.headers['accept-language']);
  }
}
