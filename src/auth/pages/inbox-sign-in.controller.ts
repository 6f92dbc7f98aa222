import {
  Body,
  Controller,
  Get,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { SignInFailedError } from '../auth.errors';
import { SESSION_COOKIE } from '../credentials';
import { Public } from '../public.decorator';
import { SessionsService } from '../sessions.service';
import { SignInRateLimitGuard } from '../sign-in-rate-limit.guard';
import { InboxForms, sendPage } from './inbox-forms';
import { InboxPageFilter } from './inbox-page.filter';
import { INBOX_PATH, InboxPages, languageOf, SIGN_IN_PATH, withLanguage } from './inbox-pages';
import { NOTICES } from './inbox-texts';
import type { Notice } from './inbox-texts';

type FormBody = Record<string, unknown> | undefined;

function noticeOf(value: unknown): Notice | null {
  return (NOTICES as readonly unknown[]).includes(value) ? (value as Notice) : null;
}

/**
 * Signing in and out of the inbox with a server-rendered form (the inbox's lists are the
 * inbox module's). Posts carry a CSRF token bound to the browser's cookie.
 */
@ApiExcludeController()
@UseFilters(InboxPageFilter)
@Controller('inbox')
export class InboxSignInController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly pages: InboxPages,
    private readonly forms: InboxForms,
  ) {}

  @Public()
  @Get('sign-in')
  signInForm(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Query('notice') notice: unknown,
  ): void {
    const html = this.pages.signIn(languageOf(request, lang), {
      csrf: this.forms.tokenFor(request, response, 'sign-in'),
      notice: noticeOf(notice),
    });
    sendPage(response, 200, html);
  }

  @Public()
  @Post('sign-in')
  @UseGuards(SignInRateLimitGuard)
  async signIn(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Body() body: FormBody,
  ): Promise<void> {
    this.forms.check(request, 'sign-in');
    const language = languageOf(request, lang);
    try {
      const session = await this.sessions.signIn(
        body?.email,
        body?.password,
        request.cookies?.[SESSION_COOKIE],
      );
      this.forms.setSession(response, session.token, session.expiresAt);
      response.redirect(303, withLanguage(INBOX_PATH, language));
    } catch (error) {
      if (!(error instanceof SignInFailedError)) throw error;
      const html = this.pages.signIn(language, {
        csrf: this.forms.tokenFor(request, response, 'sign-in'),
        email: typeof body?.email === 'string' ? body.email.slice(0, 254) : '',
        failed: true,
      });
      sendPage(response, 401, html);
    }
  }

  /** Public, so that a browser whose session has already ended can still clear its cookie. */
  @Public()
  @Post('sign-out')
  async signOut(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
  ): Promise<void> {
    this.forms.check(request, 'sign-out');
    await this.sessions.signOut(request.cookies?.[SESSION_COOKIE]);
    this.forms.clearSession(response);
    response.redirect(
      303,
      withLanguage(`${SIGN_IN_PATH}?notice=signed-out`, languageOf(request, lang)),
    );
  }
}
