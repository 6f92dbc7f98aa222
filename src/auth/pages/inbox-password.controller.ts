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
import { ResetLinkInvalidError } from '../auth.errors';
import { PasswordResetService } from '../password-reset.service';
import { Public } from '../public.decorator';
import { SignInRateLimitGuard } from '../sign-in-rate-limit.guard';
import { InboxForms, sendPage } from './inbox-forms';
import { InboxPageFilter } from './inbox-page.filter';
import {
  InboxPages,
  languageOf,
  newPasswordProblems,
  SIGN_IN_PATH,
  withLanguage,
} from './inbox-pages';

type FormBody = Record<string, unknown> | undefined;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Forgotten passwords: ask for a link (the answer is the same whether or not the address
 * has an account), then choose a new password with it.
 */
@ApiExcludeController()
@Public()
@UseFilters(InboxPageFilter)
@Controller('inbox')
export class InboxPasswordController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly pages: InboxPages,
    private readonly forms: InboxForms,
  ) {}

  @Get('forgot-password')
  forgotForm(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
  ): void {
    const csrf = this.forms.tokenFor(request, response, 'forgot-password');
    sendPage(response, 200, this.pages.forgotPassword(languageOf(request, lang), csrf));
  }

  @Post('forgot-password')
  @UseGuards(SignInRateLimitGuard)
  async requestLink(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Body() body: FormBody,
  ): Promise<void> {
    this.forms.check(request, 'forgot-password');
    const language = languageOf(request, lang);
    await this.resets.request(body?.email, language);
    sendPage(response, 200, this.pages.message(language, 'resetSent'));
  }

  @Get('reset-password')
  async resetForm(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Query('token') token: unknown,
  ): Promise<void> {
    if (!(await this.resets.isUsable(token))) throw new ResetLinkInvalidError();
    const html = this.pages.resetPassword(languageOf(request, lang), {
      csrf: this.forms.tokenFor(request, response, 'reset-password'),
      token: token as string,
    });
    sendPage(response, 200, html);
  }

  @Post('reset-password')
  @UseGuards(SignInRateLimitGuard)
  async reset(
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Body() body: FormBody,
  ): Promise<void> {
    this.forms.check(request, 'reset-password');
    const language = languageOf(request, lang);
    const token = text(body?.token);
    const password = text(body?.password);
    const problems = newPasswordProblems(password, text(body?.confirm));
    if (problems.length > 0) {
      if (!(await this.resets.isUsable(token))) throw new ResetLinkInvalidError();
      const csrf = this.forms.tokenFor(request, response, 'reset-password');
      sendPage(response, 400, this.pages.resetPassword(language, { csrf, token, problems }));
      return;
    }
    await this.resets.complete(token, password);
    response.redirect(303, withLanguage(`${SIGN_IN_PATH}?notice=password-changed`, language));
  }
}
