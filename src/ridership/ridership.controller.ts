import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { SESSION_COOKIE } from '../auth/credentials';
import type { Principal } from '../auth/principal';
import { AppError, ForbiddenError, InvalidInputError } from '../infra/errors/app-error';
import { RidershipService } from './ridership.service';
import type { RidershipImportSummary } from './ridership.service';

/** The largest ridership file taken over HTTP: a year of every line of every contract fits. */
export const RIDERSHIP_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

class UnsupportedMediaTypeError extends AppError {
  // No 415 kind among the domain errors: a wrong type is invalid input naming the body.
  readonly kind = 'invalid-input';
  readonly code = 'ridership.content-type';
  constructor() {
    super('Send the ridership file as text/csv.', [
      { field: 'body', reason: 'must be text/csv (month,contract,line,boardings)' },
    ]);
  }
}

/** Reads the raw body (no parser of the app takes text/csv), refusing one over the limit. */
async function readText(request: Request, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit)
      throw new InvalidInputError('ridership.too-large', 'The ridership file is too large.', [
        { field: 'body', reason: `is larger than ${limit} bytes` },
      ]);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Ridership figures for the complaint rates: the authority's admins upload them. */
@ApiTags('partnership')
@ApiCookieAuth(SESSION_COOKIE)
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Sign in first, or send an API token' })
@ApiForbiddenResponse({ description: "Only the authority's admins" })
@Controller('api/v1/ridership')
export class RidershipController {
  constructor(private readonly ridership: RidershipService) {}

  /**
   * A ridership file (`month,contract,line,boardings`, `,` or `;`): stored whole in one
   * transaction, or refused whole with every error (line, column, reason).
   */
  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'month,contract,line,boardings\n2026-01,UL-STAD-2019,,1 200 000',
    },
  })
  @ApiOkResponse({ description: 'What was stored' })
  @ApiBadRequestResponse({ description: 'The file was refused: every error is listed' })
  async upload(
    @CurrentUser() viewer: Principal,
    @Req() request: Request,
  ): Promise<RidershipImportSummary> {
    if (viewer.organisationKind !== 'authority')
      throw new ForbiddenError(
        'ridership.forbidden',
        "Only the authority's admins import ridership.",
      );
    if (!request.is(['text/csv', 'text/plain'])) throw new UnsupportedMediaTypeError();
    return this.ridership.importText(
      await readText(request, RIDERSHIP_BODY_LIMIT_BYTES),
      viewer.userId,
    );
  }
}
