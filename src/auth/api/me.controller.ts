import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AccountsService } from '../accounts.service';
import { ApiTokensService } from '../api-tokens.service';
import { CurrentUser } from '../auth.decorators';
import { SESSION_COOKIE } from '../credentials';
import type { Principal } from '../principal';
import {
  ApiTokenDto,
  ApiTokenIdParam,
  CreateApiTokenDto,
  NewApiTokenDto,
} from './dto/api-token.dto';
import { MeDto } from './dto/me.dto';

@ApiTags('accounts')
@ApiCookieAuth(SESSION_COOKIE)
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Sign in first, or send an API token' })
@Controller('api/v1')
export class MeController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly apiTokens: ApiTokensService,
  ) {}

  /** Who the session or API token acts as. */
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() principal: Principal): Promise<MeDto> {
    return MeDto.from(await this.accounts.profile(principal.userId), principal);
  }

  @Get('api-tokens')
  @ApiOkResponse({ type: [ApiTokenDto] })
  async listApiTokens(@CurrentUser() principal: Principal): Promise<ApiTokenDto[]> {
    return (await this.apiTokens.list(principal)).map((row) => ApiTokenDto.from(row));
  }

  /** A token for an integration, acting as you; the answer shows it once. Needs a session, not a token. */
  @Post('api-tokens')
  @ApiCreatedResponse({ type: NewApiTokenDto })
  async createApiToken(
    @CurrentUser() principal: Principal,
    @Body() body: CreateApiTokenDto,
  ): Promise<NewApiTokenDto> {
    const created = await this.apiTokens.create(principal, body.name);
    return Object.assign(new NewApiTokenDto(), ApiTokenDto.from(created), { token: created.token });
  }

  @Delete('api-tokens/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked (again is fine)' })
  @ApiNotFoundResponse({ description: 'You have no token with this id' })
  async revokeApiToken(
    @CurrentUser() principal: Principal,
    @Param() params: ApiTokenIdParam,
  ): Promise<void> {
    await this.apiTokens.revoke(principal, params.id);
  }
}
