import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { toDataSubject } from './data-subject';
import { PersonalDataForbiddenError, PersonalDataRequestInvalidError } from './privacy.errors';
import { PrivacyRepository } from './privacy.repository';
import type { SubjectCaseRow, SubjectMessageRow } from './privacy.repository';

export interface PersonalDataExport {
  exportedAt: string;
  cases: Array<{
    reference: string;
    kind: string;
    category: string | null;
    status: string;
    channel: string;
    createdAt: string;
    updatedAt: string;
    occurredAt: string | null;
    description: string;
    line: string | null;
    stop: string | null;
    vehicleNumber: string | null;
    contact: { name: string | null; email: string | null; phone: string | null };
    messages: Array<{
      direction: string;
      channel: string;
      subject: string | null;
      body: string;
      at: string;
    }>;
  }>;
}

/** A traveller's rights of access and erasure, answered by the authority's administrators. */
@Injectable()
export class PersonalDataService {
  private readonly logger = new Logger(PersonalDataService.name);

  constructor(
    private readonly privacy: PrivacyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Every case of the traveller with its thread; each case records that it was exported. */
  async export(
    admin: Principal,
    input: { email?: string; phone?: string },
  ): Promise<PersonalDataExport> {
    const subject = this.subjectOf(admin, input);
    const now = this.clock.now();
    const found = await this.privacy.transaction(async (manager) => {
      const cases = await this.privacy.findSubjectCases(manager, subject);
      const ids = cases.map((row) => row.id);
      const messages = ids.length ? await this.privacy.findSubjectMessages(manager, ids) : [];
      await this.privacy.recordEvents(manager, ids, {
        actor: admin.userId,
        type: 'personal-data-exported',
        data: {},
        at: now,
      });
      return { cases, messages };
    });
    this.logger.log({ admin: admin.userId, cases: found.cases.length }, 'personal data exported');
    return {
      exportedAt: now.toISOString(),
      cases: found.cases.map((row) => exportedCase(row, found.messages)),
    };
  }

  /** Anonymises every case of the traveller now, open ones too; the references it touched. */
  async erase(
    admin: Principal,
    input: { email?: string; phone?: string },
  ): Promise<{ references: string[] }> {
    const subject = this.subjectOf(admin, input);
    const now = this.clock.now();
    const references = await this.privacy.transaction(async (manager) => {
      const cases = await this.privacy.findSubjectCases(manager, subject);
      const ids = cases.map((row) => row.id);
      await this.privacy.anonymise(manager, ids, now);
      await this.privacy.recordEvents(manager, ids, {
        actor: admin.userId,
        type: 'personal-data-erased',
        data: {},
        at: now,
      });
      return cases.map((row) => row.reference);
    });
    this.logger.log({ admin: admin.userId, cases: references.length }, 'personal data erased');
    return { references };
  }

  private subjectOf(admin: Principal, input: { email?: string; phone?: string }) {
    if (admin.organisationKind !== 'authority' || admin.role !== 'admin')
      throw new PersonalDataForbiddenError();
    const result = toDataSubject(input);
    if (!result.ok) throw new PersonalDataRequestInvalidError(result.errors);
    return result.subject;
  }
}

function exportedCase(row: SubjectCaseRow, messages: SubjectMessageRow[]) {
  return {
    reference: row.reference,
    kind: row.kind,
    category: row.category,
    status: row.status,
    channel: row.channel,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    occurredAt: row.occurred_at?.toISOString() ?? null,
    description: row.description,
    line: row.line_text,
    stop: row.stop_text,
    vehicleNumber: row.vehicle_number,
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    messages: messages
      .filter((message) => message.case_id === row.id)
      .map((message) => ({
        direction: message.direction,
        channel: message.channel,
        subject: message.subject,
        body: message.body,
        at: message.created_at.toISOString(),
      })),
  };
}
