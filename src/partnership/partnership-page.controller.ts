import { Body, Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { AccountsService } from '../auth/accounts.service';
import { CurrentUser } from '../auth/auth.decorators';
import { InboxForms, sendPage } from '../auth/pages/inbox-forms';
import { InboxPageFilter } from '../auth/pages/inbox-page.filter';
import { languageOf, withLanguage } from '../auth/pages/inbox-pages';
import type { Principal } from '../auth/principal';
import { isoDateOf, wallClockAt } from '../calendar/zoned-time';
import type { Language } from '../cases/case.model';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { AppError, InvalidInputError } from '../infra/errors/app-error';
import type { FieldError } from '../infra/errors/app-error';
import { statusOf } from '../infra/http/problem-details.filter';
import { toFieldErrors } from '../infra/http/validation';
import { Inject } from '@nestjs/common';
import { addMonths } from '../reports/report-month';
import { ReportsService } from '../reports/reports.service';
import {
  CreateActionDto,
  CreateCycleDto,
  CreateForumDto,
  IdParam,
  RecordCycleDto,
  UpdateActionDto,
  UpdateCycleDto,
  UpdateForumDto,
} from './dto/partnership.dto';
import { PartnershipPage, PARTNERSHIP_PATH } from './partnership-page';
import type { ActionFormValues, ForumFormTyped } from './partnership-page';
import { PartnershipForbiddenError } from './partnership.errors';
import { PartnershipRepository } from './partnership.repository';
import { PartnershipService } from './partnership.service';

type FormBody = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item): item is string => typeof item === 'string' && item !== '',
  );

/** Checks a form's fields with the JSON API's DTO: the same rules, the same field errors. */
async function validated<T extends object>(type: new () => T, plain: object): Promise<T> {
  const instance = plainToInstance(type, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length)
    throw new InvalidInputError(
      'validation.failed',
      'The form has invalid fields.',
      toFieldErrors(errors),
    );
  return instance;
}

/** A members field: e-mail addresses one a line, or separated by commas (or semicolons). */
const membersOf = (value: string): string[] =>
  value
    .split(/[\s,;]+/)
    .map((member) => member.trim())
    .filter(Boolean);

/** What a refused form was sent with: the new action's fields, or a forum or cycle form's. */
interface Kept {
  values?: ActionFormValues | null;
  typed?: ForumFormTyped | null;
}

function actionValues(body: FormBody): ActionFormValues {
  return {
    title: text(body.title),
    description: text(body.description),
    focusAreas: list(body.focusAreas),
    rootCauses: list(body.rootCauses),
    contracts: list(body.contracts),
    owner: text(body.owner),
    cycle: text(body.cycle),
    decidedOn: text(body.decidedOn),
    dueOn: text(body.dueOn),
  };
}

/**
 * The partnership page (/inbox/partnership): taxonomy, forums and cycles, actions and their
 * effect, with plain forms (no JavaScript needed) for what the viewer may change; each post
 * is checked for its CSRF token and answered with a redirect back, or the page again with
 * the errors.
 */
@ApiExcludeController()
@Controller('inbox/partnership')
@UseFilters(InboxPageFilter)
export class PartnershipPageController {
  private readonly timeZone: string;

  constructor(
    private readonly partnership: PartnershipService,
    private readonly repository: PartnershipRepository,
    private readonly accounts: AccountsService,
    private readonly page: PartnershipPage,
    private readonly forms: InboxForms,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly reports: ReportsService,
  ) {
    this.timeZone = config.AREA_TIMEZONE;
  }

  @Get()
  async show(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
  ): Promise<void> {
    await this.send(viewer, request, response, languageOf(request, lang), 200);
  }

  @Post('actions')
  async createAction(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Body() body: FormBody | undefined,
  ): Promise<void> {
    const values = actionValues(body ?? {});
    await this.perform({ viewer, request, response, lang }, { values }, async () => {
      const input = await validated(CreateActionDto, {
        title: values.title,
        description: values.description || undefined,
        focusAreas: values.focusAreas,
        rootCauses: values.rootCauses,
        contracts: values.contracts,
        owner: values.owner || undefined,
        cycle: values.cycle || undefined,
        decidedOn: values.decidedOn,
        dueOn: values.dueOn || undefined,
      });
      await this.partnership.createAction(viewer, input);
    });
  }

  @Post('actions/:id/status')
  async setStatus(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: IdParam,
    @Query('lang') lang: unknown,
    @Body() body: FormBody | undefined,
  ): Promise<void> {
    await this.perform({ viewer, request, response, lang }, {}, async () => {
      const input = await validated(UpdateActionDto, { status: text(body?.status) });
      await this.partnership.updateAction(viewer, params.id, input);
    });
  }

  @Post('cycles/:id/record')
  async recordCycle(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: IdParam,
    @Query('lang') lang: unknown,
    @Body() body: FormBody | undefined,
  ): Promise<void> {
    await this.perform({ viewer, request, response, lang }, {}, async () => {
      const input = await validated(RecordCycleDto, {
        reflections: text(body?.reflections),
        decisions: text(body?.decisions),
        close: body?.close === 'true',
      });
      await this.partnership.recordCycle(viewer, params.id, input);
    });
  }

  @Post('forums')
  async createForum(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Body() body: FormBody | undefined,
  ): Promise<void> {
    const values = {
      code: text(body?.code),
      name: text(body?.name),
      contract: text(body?.contract),
      members: text(body?.members),
    };
    const typed: ForumFormTyped = { form: 'new-forum', values };
    await this.perform(
      { viewer, request, response, lang },
      { typed },
      async () => {
        const input = await validated(CreateForumDto, {
          code: values.code.trim(),
          name: values.name,
          contract: values.contract || undefined,
          members: membersOf(values.members),
        });
        await this.partnership.createForum(viewer, input);
      },
      { keepersOnly: true },
    );
  }

  @Post('forums/:id')
  async updateForum(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: IdParam,
    @Query('lang') lang: unknown,
    @Body() body: FormBody | undefined,
  ): Promise<void> {
    const values = { name: text(body?.name), members: text(body?.members) };
    const typed: ForumFormTyped = { form: 'edit-forum', id: params.id, values };
    await this.perform(
      { viewer, request, response, lang },
      { typed },
      async () => {
        const input = await validated(UpdateForumDto, {
          name: values.name,
          members: membersOf(values.members),
        });
        await this.partnership.updateForum(viewer, params.id, input);
      },
      { keepersOnly: true },
    );
  }

  @Post('cycles')
  async createCycle(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Body() body: FormBody | undefined,
  ): Promise<void> {
    const values = {
      forum: text(body?.forum),
      code: text(body?.code),
      startsOn: text(body?.startsOn),
      endsOn: text(body?.endsOn),
      focusAreas: list(body?.focusAreas),
    };
    const typed: ForumFormTyped = { form: 'new-cycle', values };
    await this.perform(
      { viewer, request, response, lang },
      { typed },
      async () => {
        const input = await validated(CreateCycleDto, { ...values, code: values.code.trim() });
        await this.partnership.createCycle(viewer, input);
      },
      { keepersOnly: true },
    );
  }

  @Post('cycles/:id')
  async updateCycle(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
    @Res() response: Response,
    @Param() params: IdParam,
    @Query('lang') lang: unknown,
    @Body() body: FormBody | undefined,
  ): Promise<void> {
    const values = {
      startsOn: text(body?.startsOn),
      endsOn: text(body?.endsOn),
      focusAreas: list(body?.focusAreas),
    };
    const typed: ForumFormTyped = { form: 'edit-cycle', id: params.id, values };
    await this.perform(
      { viewer, request, response, lang },
      { typed },
      async () => {
        const input = await validated(UpdateCycleDto, values);
        await this.partnership.updateCycle(viewer, params.id, input);
      },
      { keepersOnly: true },
    );
  }

  /**
   * A form's post: its CSRF token checked first (and, for forums and cycles, that the viewer
   * is an authority admin, as the JSON API checks), then the change; a refused change (bad
   * input, conflict) shows the page again with why and what was typed.
   */
  private async perform(
    post: { viewer: Principal; request: Request; response: Response; lang: unknown },
    kept: Kept,
    change: () => Promise<void>,
    options: { keepersOnly?: boolean } = {},
  ): Promise<void> {
    const { viewer, request, response } = post;
    const language = languageOf(request, post.lang);
    this.forms.check(request, 'partnership');
    if (options.keepersOnly && !this.partnership.canKeepForums(viewer))
      throw new PartnershipForbiddenError(
        "Only the authority's admins keep the forums and cycles.",
      );
    try {
      await change();
    } catch (error) {
      if (!(error instanceof AppError) || !['invalid-input', 'conflict'].includes(error.kind))
        throw error;
      await this.send(viewer, request, response, language, statusOf(error.kind), {
        error: { message: error.message, fields: error.fieldErrors },
        ...kept,
      });
      return;
    }
    response.redirect(303, withLanguage(PARTNERSHIP_PATH, language));
  }

  private async send(
    viewer: Principal,
    request: Request,
    response: Response,
    language: Language,
    status: number,
    extra: Kept & { error?: { message: string; fields: FieldError[] } | null } = {},
  ): Promise<void> {
    const now = this.clock.now();
    const [taxonomy, forums, actions, choices, profile, exports] = await Promise.all([
      this.repository.taxonomy(),
      this.partnership.listForums(viewer),
      this.partnership.listActions(viewer),
      this.repository.formChoices(),
      this.accounts.profile(viewer.userId),
      this.reports.storedExports(viewer, null),
    ]);
    const today = isoDateOf(wallClockAt(now.getTime(), this.timeZone).dayNo);
    const html = this.page.render(language, {
      taxonomy,
      forums,
      actions,
      contracts: choices.contracts,
      organisations: choices.organisations,
      viewer: {
        organisationId: viewer.organisationId,
        organisationCode: profile.organisation.code,
        isAuthority: viewer.organisationKind === 'authority',
      },
      permissions: {
        writeActions: this.partnership.canWriteActions(viewer),
        recordCycles: this.partnership.canRecordCycles(viewer),
        keepForums: this.partnership.canKeepForums(viewer),
        changeAction: (action) => this.partnership.canChangeAction(viewer, action),
      },
      csrf: this.forms.tokenFor(request, response, 'partnership'),
      signOutCsrf: this.forms.tokenFor(request, response, 'sign-out'),
      name: profile.name,
      organisation: profile.organisation.name,
      today,
      reports: {
        month: addMonths(today.slice(0, 7), -1),
        latestMonth: today.slice(0, 7),
        exports,
      },
      ...extra,
    });
    sendPage(response, status, html);
  }
}
