import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { readFileSync } from 'node:fs';
import { Public } from '../../auth/public.decorator';
import { projectFile } from '../../infra/runtime/project-file';

export const INBOX_SCRIPT_PATH = '/inbox/assets/inbox.js';

/**
 * The inbox's progressive enhancement, one static script: read from src/ like the
 * templates (the build copies no files), once at start-up. The path carries no version,
 * so browsers keep it an hour and then revalidate it by its ETag.
 */
@ApiExcludeController()
@Public()
@Controller('inbox/assets')
export class InboxAssetsController {
  private readonly script = readFileSync(projectFile('src/inbox/assets/inbox.js'));

  @Get('inbox.js')
  inboxScript(@Res() response: Response): void {
    response
      .set('Cache-Control', 'public, max-age=3600')
      .type('text/javascript; charset=utf-8')
      .send(this.script);
  }
}
