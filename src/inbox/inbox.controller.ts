import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiExcludeEndpoint,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AccountsService } from '../auth/accounts.service';
import { CurrentUser } from '../auth/auth.decorators';
import { SESSION_COOKIE } from '../auth/credentials';
import { InboxForms, sendPage } from '../auth/pages/inbox-forms';
import { InboxPageFilter } from '../auth/pages/inbox-page.filter';
import { languageOf } from '../auth/pages/inbox-pages';
import type { Principal } from '../auth/principal';
import { InboxPageDto } from './dto/inbox-page.dto';
import { InboxListPage } from './inbox-list-page';
import { INBOX_VIEWS } from './inbox-query';
import { InboxService } from './inbox.service';

type RawQuery = Record<string, unknown>;

/** The inbox's list as a server-rendered page: views, filters and search as a GET form. */
@ApiTags('inbox')
@Controller('inbox')
@UseFilters(InboxPageFilter)
export class InboxPageController {
  constructor(
    private readonly inbox: InboxService,
    private readonly accounts: AccountsService,
    private readonly page: InboxListPage,
    private readonly forms: InboxForms,
  ) {}

  @Get()
  @ApiExcludeEndpoint()
  async list(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Query() raw: RawQuery,
  ): Promise<void> {
    const language = languageOf(request, raw.lang);
    const { lang: _lang, ...rest } = raw;
    const query = this.inbox.parse(rest);
    const [page, profile] = await Promise.all([
      this.inbox.list(viewer, query),
      this.accounts.profile(viewer.userId),
    ]);
    const html = this.page.render(language, {
      query,
      page,
      csrf: this.forms.tokenFor(request, response, 'sign-out'),
      name: profile.name,
      organisation: profile.organisation.name,
    });
    sendPage(response, 200, html);
  }
}

/** The same lists for integrations, with the same access rules. */
@ApiTags('inbox')
@ApiCookieAuth(SESSION_COOKIE)
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Sign in first, or send an API token' })
@Controller('api/v1/inbox')
export class InboxApiController {
  constructor(private readonly inbox: InboxService) {}

  /** One page (50) of a view, newest first; `next` is the cursor of the page after it. */
  @Get()
  @ApiQuery({ name: 'view', required: false, enum: INBOX_VIEWS })
  @ApiQuery({ name: 'after', required: false })
  @ApiOkResponse({ type: InboxPageDto })
  @ApiBadRequestResponse({ description: 'A field of the query is not understood' })
  async list(@CurrentUser() viewer: Principal, @Query() raw: RawQuery): Promise<InboxPageDto> {
    return InboxPageDto.from(await this.inbox.list(viewer, this.inbox.parse(raw)));
  }
}
