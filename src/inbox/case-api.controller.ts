import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import { SESSION_COOKIE } from '../auth/credentials';
import type { Principal } from '../auth/principal';
import { CaseReferenceParam } from '../cases/dto/case-reference.param';
import type { CaseAction } from './case-action-input';
import { CaseActionsService } from './case-actions.service';
import type { CaseActionResult } from './case-actions.service';
import { CasePageService } from './case-page.service';
import { caseViewJson } from './case-view.json';
import type { CaseViewJson } from './case-view.json';

type JsonBody = Record<string, unknown>;

/** One case as the viewer may see it, for integrations: the page's content as JSON. */
@ApiTags('inbox')
@ApiCookieAuth(SESSION_COOKIE)
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Sign in first, or send an API token' })
@ApiNotFoundResponse({ description: 'No case with that reference is open to you' })
@Controller('api/v1/inbox/cases')
export class CaseViewApiController {
  constructor(private readonly pages: CasePageService) {}

  @Get(':reference')
  async show(
    @CurrentUser() viewer: Principal,
    @Param() params: CaseReferenceParam,
  ): Promise<CaseViewJson> {
    return caseViewJson(await this.pages.view(viewer, params.reference));
  }
}

/**
 * The case page's actions for integrations, with the same access rules and checks: a
 * case the caller may not work is 404, a forum member is 403, an illegal change is 409.
 */
@ApiTags('cases')
@ApiCookieAuth(SESSION_COOKIE)
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Sign in first, or send an API token' })
@ApiNotFoundResponse({ description: 'No case with that reference is open to you' })
@ApiForbiddenResponse({ description: 'Forum members only read' })
@ApiConflictResponse({ description: 'The case is not in a state that allows this' })
@Controller('api/v1/cases')
export class CaseActionsApiController {
  constructor(private readonly actions: CaseActionsService) {}

  private perform(
    viewer: Principal,
    reference: string,
    action: CaseAction,
    body?: JsonBody,
  ): Promise<CaseActionResult> {
    return this.actions.perform(viewer, reference, action, body ?? {});
  }

  /** Assigns the case to the caller. */
  @Post(':reference/claim')
  @HttpCode(200)
  claim(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'claim', b);
  }

  /** Assigns the case to a colleague (`userId`); supervisors and admins. */
  @Post(':reference/assign')
  @HttpCode(200)
  assign(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'assign', b);
  }

  /** Replies (`body`) on the traveller's channel; meets the first-response clocks. */
  @Post(':reference/reply')
  @HttpCode(200)
  reply(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'reply', b);
  }

  /** Asks the traveller (`body`) and waits for them: the clocks pause. */
  @Post(':reference/ask')
  @HttpCode(200)
  ask(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'ask', b);
  }

  /** An internal note (`body`), private to the caller's organisation unless `shared` is true. */
  @Post(':reference/note')
  @HttpCode(200)
  note(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'note', b);
  }

  /** Hands the case on as "not ours" (`reason`, optional `to` code and `note`). */
  @Post(':reference/transfer')
  @HttpCode(200)
  transfer(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'transfer', b);
  }

  /** Sets the category (`category` code). */
  @Post(':reference/category')
  @HttpCode(200)
  category(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'category', b);
  }

  /**
   * Sets the customer promises, focus areas and root causes (`promises`, `focusAreas`,
   * `rootCauses`: lists of taxonomy codes); a list left out stays as it is.
   */
  @Post(':reference/tags')
  @HttpCode(200)
  tags(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'tags', b);
  }

  /** Closes the case as a duplicate of another open case (`into`: its reference). */
  @Post(':reference/merge')
  @HttpCode(200)
  merge(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'merge', b);
  }

  /** Resolves with an `outcome` (and an optional `note`); meets the resolution clocks. */
  @Post(':reference/resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'resolve', b);
  }

  /** Opens a resolved case again. */
  @Post(':reference/reopen')
  @HttpCode(200)
  reopen(
    @CurrentUser() v: Principal,
    @Param() p: CaseReferenceParam,
    @Body() b: JsonBody,
  ): Promise<CaseActionResult> {
    return this.perform(v, p.reference, 'reopen', b);
  }
}
