import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IntakeReport, IntakeService } from '../intake/intake.service';

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
];

/** Fills an empty database with demo data so the service can be tried at once. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    const [{ any }] = await this.dataSource.query<{ any: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM cases) AS any',
    );
    if (any) return false;
    for (const report of DEMO_REPORTS) await this.intake.submit(report);
    this.logger.log({ cases: DEMO_REPORTS.length }, 'demo data seeded');
    return true;
  }
}
