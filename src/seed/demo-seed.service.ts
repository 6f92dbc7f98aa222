import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { readFile } from 'node:fs/promises';
import { AccountsService } from '../auth/accounts.service';
import type { CreateUserInput } from '../auth/accounts.service';
import { AreaLoaderService } from '../directory/area-loader.service';
import { GtfsImportService } from '../directory/gtfs/gtfs-import.service';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { IntakeReport, IntakeService } from '../intake/intake.service';
import { seedDemoPartnership } from '../partnership/partnership-demo';
import { RoutingService } from '../routing/routing.service';
import { DEMO_AREA_FILE, DEMO_AREA_NAME, DEMO_GTFS_FEED, projectFile } from './demo-area';
import { DemoHistoryService } from './demo-history';

// Reports a demo visitor can find in the case API and, later, the inbox.
const DEMO_REPORTS: IntakeReport[] = [
  {
    channel: 'web',
    kind: 'complaint',
    category: 'punctuality',
    description: 'Bussen på linje 4 kom inte alls i morse och jag missade mitt tåg.',
    line: 'linje 4',
    stop: 'Uppsala Centralstation',
    language: 'sv',
    contact: { name: 'Demo Resenär', email: 'demo.resenar@example.se' },
  },
  {
    channel: 'api',
    kind: 'praise',
    category: 'staff-treatment',
    description: 'The driver on line 801 waited for me at Flogsta. Very kind!',
    line: '801',
    language: 'en',
  },
  {
    channel: 'web',
    kind: 'question',
    category: 'fares-tickets',
    description: 'Gäller mitt månadskort på Upptåget till Gävle?',
    language: 'sv',
  },
  {
    channel: 'sms',
    kind: 'complaint',
    category: 'vehicle-cleanliness',
    description: 'Buss 8 var jättesmutsig i kväll, skräp överallt.',
    line: 'buss 8',
    language: 'sv',
    contact: { phone: '070-123 45 67' },
  },
  {
    channel: 'web',
    kind: 'complaint',
    category: 'punctuality',
    description: 'Pendeltåget från Uppsala var 25 minuter sent.',
    line: 'SL-tåg',
    language: 'sv',
  },
  {
    channel: 'open311',
    kind: 'suggestion',
    category: 'stops-shelters',
    description: 'Väderskydd behövs vid hållplatsen Flogsta.',
    line: '3',
    stop: 'Flogsta',
    language: 'sv',
  },
];

/** Demo accounts so that a newcomer can sign in at once; made only with the demo area. */
export const DEMO_PASSWORD = 'demo-password-2026';
const DEMO_ACCOUNTS: CreateUserInput[] = [
  {
    organisationCode: 'UL',
    email: 'handlaggare@ul.example',
    name: 'Hanna Handläggare',
    role: 'handler',
    password: DEMO_PASSWORD,
  },
  {
    organisationCode: 'GUB',
    email: 'handlaggare@gub.example',
    name: 'Göran Handläggare',
    role: 'handler',
    password: DEMO_PASSWORD,
  },
  {
    organisationCode: 'UL',
    email: 'admin@ul.example',
    name: 'Ada Admin',
    role: 'admin',
    password: DEMO_PASSWORD,
  },
  {
    organisationCode: 'UL',
    email: 'forum@ul.example',
    name: 'Frida Forum',
    role: 'forum',
    password: DEMO_PASSWORD,
  },
];

/** Fills an empty database with demo data so the service can be tried at once. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    private readonly areaLoader: AreaLoaderService,
    private readonly gtfsImport: GtfsImportService,
    private readonly routing: RoutingService,
    private readonly accounts: AccountsService,
    private readonly history: DemoHistoryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The demo area (Uppsala's real 2021 feed) into an empty directory, then demo cases and
   * about 1,500 statistical history cases (for the reports' trends) into an empty case table.
   */
  async seedIfEmpty(): Promise<boolean> {
    const [current] = await this.dataSource.query<{ name: string }[]>(
      'SELECT name FROM area_settings WHERE id = 1',
    );
    const demoText = await readFile(projectFile(DEMO_AREA_FILE), 'utf8');
    if (!current) {
      await this.areaLoader.loadText(demoText);
      await this.gtfsImport.importPath(projectFile(DEMO_GTFS_FEED));
      await this.routing.refresh(true);
      this.logger.log('demo area loaded: Uppsala county (UL GTFS 2021)');
    } else if (current.name === DEMO_AREA_NAME) {
      // A demo database made by an older checkout takes the demo file's edits (its hash
      // makes this a no-op when nothing changed); another area is never touched.
      const { changed } = await this.areaLoader.loadText(demoText);
      if (changed) this.logger.log('demo area updated from area/demo-uppsala.yaml');
    }
    if (!current || current.name === DEMO_AREA_NAME) {
      await this.seedDemoAccounts();
      const forums = await seedDemoPartnership(this.dataSource, this.clock.now());
      if (forums) this.logger.log({ forums }, 'demo partnership forums created');
    }
    const [{ any }] = await this.dataSource.query<{ any: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM cases) AS any',
    );
    if (any) return false;
    for (const report of DEMO_REPORTS) await this.intake.submit(report);
    this.logger.log({ cases: DEMO_REPORTS.length }, 'demo data seeded');
    // Statistical background only for the demo area, whose contracts and lines it draws on.
    if (!current || current.name === DEMO_AREA_NAME) await this.history.seed();
    return true;
  }

  /** The demo accounts that do not exist yet; one whose password was changed keeps it. */
  private async seedDemoAccounts(): Promise<void> {
    let created = 0;
    for (const account of DEMO_ACCOUNTS)
      if (await this.accounts.createUserIfAbsent(account)) created++;
    if (created) this.logger.log({ accounts: created }, 'demo accounts created');
  }
}
