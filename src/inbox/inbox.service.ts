import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { InboxQueryInvalidError } from './inbox.errors';
import { parseInboxQuery } from './inbox-query';
import type { InboxQuery } from './inbox-query';
import { InboxRepository } from './inbox.repository';
import type { InboxPage } from './inbox.repository';

/** The handlers' case lists, for the page and the JSON API alike, always as the viewer may see them. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Reads a query string; refuses what it does not understand with the fields named. */
  parse(raw: Record<string, unknown>): InboxQuery {
    const { query, errors } = parseInboxQuery(raw);
    if (errors.length > 0) throw new InboxQueryInvalidError(errors);
    return query;
  }

  async list(viewer: Principal, query: InboxQuery): Promise<InboxPage> {
    return this.inbox.findInboxPage(viewer, query, {
      now: this.clock.now(),
      timeZone: this.config.AREA_TIMEZONE,
    });
  }
}
