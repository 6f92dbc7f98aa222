import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DirectoryEvents } from '../directory/directory-events';
import { DirectoryRepository } from '../directory/directory.repository';
import { route, RoutingIndex } from './router';
import type { RoutingDecision, RoutingRequest } from './routing.model';

// Other processes (another api instance, the CLI) change the directory too; this is how
// soon this process notices without being told.
const VERSION_CHECK_MS = 10_000;

/**
 * Holds the router's in-memory index and rebuilds it when the directory or the feed
 * changes: at once when told in-process, else on the periodic version check.
 */
@Injectable()
export class RoutingService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RoutingService.name);
  private index: RoutingIndex | null = null;
  private categories = new Set<string>();
  private version: string | null = null;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
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
    this.unsubscribe?.();
  }

  /** The decision for a report, or null while no area directory has been loaded. */
  decide(request: RoutingRequest): RoutingDecision | null {
    return this.index ? route(this.index, request) : null;
  }

  /** Whether the area's taxonomy has the category; null while no directory is loaded. */
  isKnownCategory(code: string): boolean | null {
    return this.index ? this.categories.has(code) : null;
  }

  /** Rebuilds the index when the directory's version moved (or always, when forced). */
  refresh(force: boolean): Promise<void> {
    this.refreshing ??= this.rebuild(force).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async rebuild(force: boolean): Promise<void> {
    try {
      const version = await this.directory.version();
      if (!force && version === this.version) return;
      const data = await this.directory.loadRoutingIndexData();
      this.index = data ? RoutingIndex.build(data) : null;
      this.categories = new Set(data?.categories.map((category) => category.code));
      this.version = version;
      this.logger.log(
        { version, routes: data?.routes.length ?? 0, contracts: data?.contracts.length ?? 0 },
        'routing index built',
      );
    } catch (error) {
      this.logger.error({ err: error }, 'routing index rebuild failed; keeping the previous one');
    }
  }
}
