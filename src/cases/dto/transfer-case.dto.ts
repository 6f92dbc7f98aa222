import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TRANSFER_REASONS } from '../case-transfer.entity';
import type { TransferReason } from '../case-transfer.entity';

export class TransferCaseDto {
  @ApiProperty({ enum: TRANSFER_REASONS })
  @IsIn(TRANSFER_REASONS, { message: `must be one of ${TRANSFER_REASONS.join(', ')}` })
  reason: TransferReason;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({
    description: 'The receiving organisation by code; without it the router decides again',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,39}$/, { message: 'must be an organisation code' })
  to?: string;
}

export class MisroutesQueryDto {
  @ApiProperty({ example: '2026-01' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM' })
  from: string;

  @ApiProperty({ example: '2026-12' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM' })
  to: string;
}
