import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DirectoryEvents } from '../directory/directory-events';
import { DirectoryRepository } from '../directory/directory.repository';
import { ResponsePolicies } from './response-policies';

// Another process may load an area file; this is how soon this one notices.
const VERSION_CHECK_MS = 10_000;

/**
 * Holds the compiled answering rules and rebuilds them when the area file changes: at once
 * when told in-process, else on the periodic version check.
 */
@Injectable()
export class ResponsePolicyService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ResponsePolicyService.name);
  private policies: ResponsePolicies | null = null;
  private version: string | null = null;
  private timer?: NodeJS.Timeout;
  private readonly unsubscribe: () => void;
  private refreshing?: Promise<void>;

  constructor(
    private readonly directory: DirectoryRepository,
    events: DirectoryEvents,
  ) {
    this.unsubscribe = events.onChange(() => void this.refresh(true));
  }

  async onModuleInit(): Promise<void> {
    await this.refresh(true);
    this.timer = setInterval(() => void this.refresh(false), VERSION_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.unsubscribe();
  }

  /** The current rules; null while no area file with answering rules has been loaded. */
  current(): ResponsePolicies | null {
    return this.policies;
  }

  /** Makes sure the rules reflect everything committed before this call. */
  async ensureCurrent(): Promise<void> {
    // A rebuild already under way may have read the version before the caller's commit.
    await this.refreshing;
    await this.refresh(false);
  }

  /** Rebuilds when the directory's version moved (or always, when forced). */
  refresh(force: boolean): Promise<void> {
    this.refreshing ??= this.rebuild(force).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async rebuild(force: boolean): Promise<void> {
    try {
      const version = await this.directory.version();
      if (!force && version === this.version) return;
      const data = await this.directory.loadResponsePolicyData();
      this.policies = data ? ResponsePolicies.build(data) : null;
      this.version = version;
      if (!data && !version.startsWith('-/'))
        this.logger.warn(
          'the area directory was loaded before it had answering rules: cases get no clocks and urgent alerts go nowhere until the area file is loaded again (npm run cli area:load FILE)',
        );
    } catch (error) {
      this.logger.error(
        { err: error },
        'answering rules rebuild failed; keeping the previous ones',
      );
    }
  }
}
