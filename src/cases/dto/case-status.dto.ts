import { ApiProperty } from '@nestjs/swagger';
import { CASE_CHANNELS, CASE_KINDS, CASE_STATUSES } from '../case.model';
import type { CaseChannel, CaseKind, CaseStatus } from '../case.model';
import { CaseEntity } from '../case.entity';

/** What anyone holding a reference may know of a case: no personal data, no free text. */
export class CaseStatusDto {
  @ApiProperty({ example: 'SP-2026-000123' })
  reference: string;

  @ApiProperty({ enum: CASE_KINDS })
  kind: CaseKind;

  @ApiProperty({ nullable: true, type: String, example: 'staff-treatment' })
  category: string | null;

  @ApiProperty({ enum: CASE_CHANNELS })
  channel: CaseChannel;

  @ApiProperty({ enum: CASE_STATUSES })
  status: CaseStatus;

  @ApiProperty({
    nullable: true,
    description: 'Who handles the case; the authority while it is in triage',
    example: { code: 'GUB', name: 'Gamla Uppsala Buss AB' },
  })
  handledBy: { code: string; name: string } | null;

  @ApiProperty()
  receivedAt: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'When a person will answer at the latest, from the handler’s office hours and the contract’s target',
  })
  answerBy: string | null;

  @ApiProperty()
  updatedAt: string;

  static from(
    entity: CaseEntity,
    handledBy: { code: string; name: string } | null = entity.responsibleOrganisation,
    answerBy: Date | null = null,
  ): CaseStatusDto {
    return Object.assign(new CaseStatusDto(), {
      reference: entity.reference,
      kind: entity.kind,
      category: entity.category,
      channel: entity.channel,
      status: entity.status,
      handledBy: handledBy ? { code: handledBy.code, name: handledBy.name } : null,
      receivedAt: entity.createdAt.toISOString(),
      answerBy: answerBy?.toISOString() ?? null,
      updatedAt: entity.updatedAt.toISOString(),
    });
  }
}
