import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { encodeCursor } from '../inbox-query';
import type { InboxPage, InboxRow } from '../inbox.repository';

class OrganisationRefDto {
  @ApiProperty({ example: 'GUB' }) code: string;
  @ApiProperty({ example: 'Gamla Uppsala Buss AB' }) name: string;
}

class CategoryRefDto {
  @ApiProperty({ example: 'staff-treatment' }) code: string;
  @ApiProperty() labelSv: string;
  @ApiProperty() labelEn: string;
}

/** One case of a list: a case the viewer holds in full, or one it handed on (then only that). */
export class InboxRowDto {
  @ApiProperty({ enum: ['full', 'transferred'] }) access: 'full' | 'transferred';
  @ApiProperty({ example: 'SP-2026-000123' }) reference: string;
  @ApiPropertyOptional({ format: 'date-time' }) receivedAt?: string;
  @ApiPropertyOptional() kind?: string;
  @ApiPropertyOptional() channel?: string;
  @ApiPropertyOptional({ type: CategoryRefDto, nullable: true }) category?: CategoryRefDto | null;
  @ApiPropertyOptional({ nullable: true, example: '4' }) line?: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'UL-STAD-2019' }) contract?: string | null;
  @ApiPropertyOptional({ type: OrganisationRefDto, nullable: true })
  responsibleOrganisation?: OrganisationRefDto | null;
  @ApiPropertyOptional() triage?: boolean;
  @ApiPropertyOptional() status?: string;
  @ApiPropertyOptional({ nullable: true, example: 'partly-upheld' }) outcome?: string | null;
  @ApiPropertyOptional({ description: 'merged into another case as a duplicate' })
  merged?: boolean;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) firstResponseDue?: string | null;
  @ApiPropertyOptional() firstResponseOverdue?: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'the handler working it' })
  assignedTo?: string | null;
  @ApiPropertyOptional({ format: 'date-time' }) transferredAt?: string;
  @ApiPropertyOptional({ type: OrganisationRefDto }) transferredTo?: OrganisationRefDto;
  @ApiPropertyOptional() reason?: string;

  static from(row: InboxRow): InboxRowDto {
    switch (row.access) {
      case 'transferred':
        return {
          access: row.access,
          reference: row.reference,
          transferredAt: row.transferredAt.toISOString(),
          transferredTo: row.transferredTo,
          reason: row.reason,
        };
      case 'full':
        return {
          ...row,
          receivedAt: row.receivedAt.toISOString(),
          firstResponseDue: row.firstResponseDue?.toISOString() ?? null,
        };
    }
  }
}

export class InboxPageDto {
  @ApiProperty({ type: [InboxRowDto] }) cases: InboxRowDto[];
  @ApiProperty({ nullable: true, description: 'pass as `after=` for the next page' })
  next: string | null;

  static from(page: InboxPage): InboxPageDto {
    return {
      cases: page.rows.map((row) => InboxRowDto.from(row)),
      next: page.next ? encodeCursor(page.next) : null,
    };
  }
}
