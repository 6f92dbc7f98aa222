import { Injectable, Logger } from '@nestjs/common';
import { retentionCutoff } from './data-subject';
import { PrivacyRepository } from './privacy.repository';

const BATCH_SIZE = 1000;

export interface AnonymisationSummary {
  retentionDays: number;
  cases: number;
  batches: number;
}

/** Retention: resolved or closed cases lose the traveller's personal data after the area's period. */
@Injectable()
export class AnonymisationService {
  private readonly logger = new Logger(AnonymisationService.name);

  constructor(private readonly privacy: PrivacyRepository) {}

  /**
   * Anonymises every case resolved or closed and unchanged for longer than the retention
   * period, in batches of one transaction each; a case already done is passed by.
   */
  async anonymiseExpired(now: Date): Promise<AnonymisationSummary> {
    const retentionDays = await this.privacy.retentionDays();
    const cutoff = retentionCutoff(now, retentionDays);
    let afterId: string | null = null;
    let cases = 0;
    let batches = 0;
    for (;;) {
      const ids: string[] = await this.privacy.transaction(async (manager) => {
        const batch = await this.privacy.lockExpiredBatch(manager, cutoff, afterId, BATCH_SIZE);
        await this.privacy.anonymise(manager, batch, now);
        await this.privacy.recordEvents(manager, batch, {
          actor: 'system',
          type: 'anonymised',
          data: { reason: 'retention', retentionDays },
          at: now,
        });
        return batch;
      });
      if (ids.length === 0) break;
      cases += ids.length;
      batches += 1;
      afterId = ids[ids.length - 1];
      if (ids.length < BATCH_SIZE) break;
    }
    // Counts only: never a reference or anything of the traveller's.
    this.logger.log({ cases, batches, retentionDays }, 'expired personal data anonymised');
    return { retentionDays, cases, batches };
  }
}
