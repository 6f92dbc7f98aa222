import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccountsService } from '../auth/accounts.service';
import { CurrentUser } from '../auth/auth.decorators';
import { InboxForms, sendPage } from '../auth/pages/inbox-forms';
import { InboxPageFilter } from '../auth/pages/inbox-page.filter';
import { languageOf, withLanguage } from '../auth/pages/inbox-pages';
import type { Principal } from '../auth/principal';
import type { Language } from '../cases/case.model';
import { AppError } from '../infra/errors/app-error';
import { statusOf } from '../infra/http/problem-details.filter';
import { isCaseAction } from './case-action-input';
import { CaseActionsService } from './case-actions.service';
import { CaseUnavailableError } from './case-actions.errors';
import { CasePage } from './case-page';
import type { CasePageInput } from './case-page';
import { CasePageService } from './case-page.service';
import { casePath } from './inbox-list-page';

type FormBody = Record<string, unknown>;

/**
 * The case page and its actions as plain forms (no JavaScript needed): each post is
 * checked for its CSRF token, performed by the service, and answered with a redirect back
 * to the page, or the page again with the error when the action was refused.
 */
@ApiExcludeController()
@Controller('inbox/cases')
@UseFilters(InboxPageFilter)
export class CasePageController {
  constructor(
    private readonly pages: CasePageService,
    private readonly actions: CaseActionsService,
    private readonly accounts: AccountsService,
    private readonly page: CasePage,
    private readonly forms: InboxForms,
  ) {}

  @Get(':reference')
  async show(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Param('reference') reference: string,
    @Query('lang') lang: unknown,
    @Query('savedReply') savedReply: unknown,
  ): Promise<void> {
    const language = languageOf(request, lang);
    if (savedReply === undefined || savedReply === '') {
      await this.send(viewer, request, response, language, reference, 200);
      return;
    }
    const view = await this.pages.view(viewer, reference);
    const known =
      view.access === 'full' &&
      typeof savedReply === 'string' &&
      view.savedReplies.some((reply) => reply.code === savedReply);
    if (known) {
      await this.send(viewer, request, response, language, reference, 200, { savedReply });
      return;
    }
    await this.send(viewer, request, response, language, reference, 400, {
      error: {
        message: 'The saved reply could not be used.',
        fields: [{ field: 'savedReply', reason: 'is not a saved reply for this case' }],
      },
    });
  }

  @Post(':reference/:action')
  async act(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Param('reference') reference: string,
    @Param('action') action: string,
    @Query('lang') lang: unknown,
    @Body() body: FormBody | undefined,
  ): Promise<void> {
    const language = languageOf(request, lang);
    if (!isCaseAction(action)) throw new CaseUnavailableError();
    this.forms.check(request, 'case-action');
    const { csrf: _csrf, ...fields } = body ?? {};
    try {
      await this.actions.perform(viewer, reference, action, fields);
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict'].includes(error.kind))
        throw error;
      const typed = typeof fields.body === 'string' ? fields.body : '';
      await this.send(viewer, request, response, language, reference, statusOf(error.kind), {
        error: { message: error.message, fields: error.fieldErrors },
        values:
          action === 'note'
            ? { note: typed }
            : action === 'merge'
              ? { into: typeof fields.into === 'string' ? fields.into : '' }
              : { body: typed },
      });
      return;
    }
    response.redirect(303, withLanguage(casePath(reference), language));
  }

  private async send(
    viewer: Principal,
    request: Request,
    response: Response,
    language: Language,
    reference: string,
    status: number,
    extra: Pick<CasePageInput, 'error' | 'values' | 'savedReply'> = {},
  ): Promise<void> {
    const [view, profile] = await Promise.all([
      this.pages.view(viewer, reference),
      this.accounts.profile(viewer.userId),
    ]);
    const html = this.page.render(language, {
      view,
      csrf: this.forms.tokenFor(request, response, 'case-action'),
      signOutCsrf: this.forms.tokenFor(request, response, 'sign-out'),
      name: profile.name,
      organisation: profile.organisation.name,
      ...extra,
    });
    sendPage(response, status, html);
  }
}
