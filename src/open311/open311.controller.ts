import {
  All,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import type { Language } from '../cases/case.model';
import { Open311ExceptionFilter } from './open311-exception.filter';
import { CONTENT_TYPES, parseFormat, renderOpen311 } from './open311-format';
import type { Open311Root } from './open311-format';
import { Open311Language } from './open311-language';
import { Open311NoSuchResourceError } from './open311.errors';
import type { Open311Format } from './open311.model';
import { Open311Service } from './open311.service';

/**
 * Open311 GeoReport v2 and its service discovery. The resource's extension (.json or
 * .xml) picks the format; errors come as the spec's error list. Documented by the spec
 * itself, so left out of our OpenAPI document.
 */
@ApiExcludeController()
@Public()
@UseFilters(Open311ExceptionFilter)
@Controller('open311')
export class Open311Controller {
  constructor(private readonly open311: Open311Service) {}

  @Get('discovery.:format')
  async discovery(
    @Param('format') format: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const as = parseFormat(format);
    return reply(response, as, 'discovery', await this.open311.discovery());
  }

  @Get('v2/services.:format')
  async services(
    @Param('format') format: string,
    @Open311Language() language: Language,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const as = parseFormat(format);
    return reply(response, as, 'services', await this.open311.services(language));
  }

  @Get('v2/services/:code.:format')
  async serviceDefinition(
    @Param('code') code: string,
    @Param('format') format: string,
    @Open311Language() language: Language,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const as = parseFormat(format);
    const definition = await this.open311.serviceDefinition(code, language);
    return reply(response, as, 'service_definition', definition);
  }

  /**
   * 200, not 201: the spec's swagger.json gives POST /requests.{format} a "200" response
   * ("success returns an tracking-id") and the spec text names no other.
   */
  @Post('v2/requests.:format')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  async createRequest(
    @Param('format') format: string,
    @Body() body: unknown,
    @Query() query: Record<string, unknown>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Open311Language() language: Language,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const as = parseFormat(format);
    const receipt = await this.open311.submit({ body, query, idempotencyKey, language });
    return reply(response, as, 'service_requests', receipt);
  }

  @Get('v2/requests.:format')
  async requests(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Open311Language() language: Language,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const as = parseFormat(format);
    return reply(response, as, 'service_requests', await this.open311.requests(query, language));
  }

  @Get('v2/requests/:id.:format')
  async request(
    @Param('id') id: string,
    @Param('format') format: string,
    @Open311Language() language: Language,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const as = parseFormat(format);
    return reply(response, as, 'service_requests', await this.open311.request(id, language));
  }

  /** Anything else under /open311 is a resource that does not exist, said in the spec's way. */
  @All('*path')
  unknown(): never {
    throw new Open311NoSuchResourceError();
  }
}

function reply(response: Response, format: Open311Format, root: Open311Root, payload: unknown) {
  response.type(CONTENT_TYPES[format]);
  return renderOpen311(format, root, payload);
}
