import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CASE_REFERENCE_PATTERN } from '../case-reference';

export class CaseReferenceParam {
  @ApiProperty({ example: 'SP-2026-000123' })
  @Matches(CASE_REFERENCE_PATTERN, { message: 'must look like SP-2026-000123' })
  reference: string;
}
