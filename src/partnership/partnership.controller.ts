import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
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
import type { ActionView, ForumView, TaxonomyTermView } from './partnership.repository';
import { PartnershipRepository } from './partnership.repository';
import { PartnershipService } from './partnership.service';

/**
 * The partnership cycle as JSON: forums and their cycles, improvement actions with their
 * effect. Everyone signed in reads what their organisation may see; writes follow the
 * service's rules (403 otherwise), bad input is 400 naming each field.
 */
@ApiTags('partnership')
@ApiCookieAuth(SESSION_COOKIE)
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Sign in first, or send an API token' })
@ApiForbiddenResponse({ description: 'Your organisation or role may not make this change' })
@ApiBadRequestResponse({ description: 'A field is invalid: each is named' })
@Controller('api/v1/partnership')
export class PartnershipController {
  constructor(
    private readonly partnership: PartnershipService,
    private readonly repository: PartnershipRepository,
  ) {}

  /** The partnership's words (promises, root causes, focus areas) as the area file gives them. */
  @Get('taxonomy')
  taxonomy(): Promise<TaxonomyTermView[]> {
    return this.repository.taxonomy();
  }

  /** The forums you may see, each with its cycles. */
  @Get('forums')
  forums(@CurrentUser() viewer: Principal): Promise<ForumView[]> {
    return this.partnership.listForums(viewer);
  }

  /** A new forum (the authority's admins). */
  @Post('forums')
  @ApiConflictResponse({ description: 'The code is taken' })
  createForum(@CurrentUser() viewer: Principal, @Body() body: CreateForumDto): Promise<ForumView> {
    return this.partnership.createForum(viewer, body);
  }

  @Patch('forums/:id')
  @ApiNotFoundResponse({ description: 'No such forum' })
  updateForum(
    @CurrentUser() viewer: Principal,
    @Param() params: IdParam,
    @Body() body: UpdateForumDto,
  ): Promise<ForumView> {
    return this.partnership.updateForum(viewer, params.id, body);
  }

  /** A new cycle of a forum (the authority's admins); answers with the forum. */
  @Post('cycles')
  @ApiConflictResponse({ description: 'The forum has a cycle of that code' })
  createCycle(@CurrentUser() viewer: Principal, @Body() body: CreateCycleDto): Promise<ForumView> {
    return this.partnership.createCycle(viewer, body);
  }

  @Patch('cycles/:id')
  @ApiNotFoundResponse({ description: 'No such cycle' })
  updateCycle(
    @CurrentUser() viewer: Principal,
    @Param() params: IdParam,
    @Body() body: UpdateCycleDto,
  ): Promise<ForumView> {
    return this.partnership.updateCycle(viewer, params.id, body);
  }

  /** Reflections and decisions of a cycle, and closing it (the authority's admins and supervisors). */
  @Post('cycles/:id/record')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'No such cycle' })
  recordCycle(
    @CurrentUser() viewer: Principal,
    @Param() params: IdParam,
    @Body() body: RecordCycleDto,
  ): Promise<ForumView> {
    return this.partnership.recordCycle(viewer, params.id, body);
  }

  /** The actions you may see, each with its effect as of today. */
  @Get('actions')
  actions(@CurrentUser() viewer: Principal): Promise<ActionView[]> {
    return this.partnership.listActions(viewer);
  }

  @Get('actions/:id')
  @ApiNotFoundResponse({ description: 'No such action open to you' })
  action(@CurrentUser() viewer: Principal, @Param() params: IdParam): Promise<ActionView> {
    return this.partnership.getAction(viewer, params.id);
  }

  /** A new improvement action owned by your organisation (the authority: by any). */
  @Post('actions')
  createAction(
    @CurrentUser() viewer: Principal,
    @Body() body: CreateActionDto,
  ): Promise<ActionView> {
    return this.partnership.createAction(viewer, body);
  }

  @Patch('actions/:id')
  @ApiNotFoundResponse({ description: 'No such action open to you' })
  updateAction(
    @CurrentUser() viewer: Principal,
    @Param() params: IdParam,
    @Body() body: UpdateActionDto,
  ): Promise<ActionView> {
    return this.partnership.updateAction(viewer, params.id, body);
  }
}
