import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
} from 'class-validator';
import type { ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../../feedback/local-time';
import { ACTION_STATUSES } from '../partnership.entities';
import type { ActionStatus } from '../partnership.entities';

/** A real day of the calendar written YYYY-MM-DD (no 30 February). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => 'must be a real date YYYY-MM-DD',
      },
    },
    options,
  );
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const CODE_MESSAGE = { message: 'must be a code of letters, digits and dashes' };
const CODES = { each: true, ...CODE_MESSAGE };

export class CreateForumDto {
  @ApiProperty({ example: 'UL-STAD-FORUM' })
  @Matches(CODE, CODE_MESSAGE)
  code: string;

  @ApiProperty({ example: 'Partnerskapsforum stadstrafiken' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: "A contract's code; without it, the whole area's forum" })
  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  contract?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['anna@ul.example'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsEmail({}, { each: true, message: 'must be e-mail addresses' })
  members?: string[];
}

export class UpdateForumDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: "A contract's code, or null for the whole area" })
  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  contract?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsEmail({}, { each: true, message: 'must be e-mail addresses' })
  members?: string[];
}

export class CreateCycleDto {
  @ApiProperty({ description: "The forum's code" })
  @Matches(CODE, CODE_MESSAGE)
  forum: string;

  @ApiProperty({ example: '2026H2' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/, CODE_MESSAGE)
  code: string;

  @ApiProperty({ example: '2026-07-01' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsCalendarDate()
  endsOn: string;

  @ApiProperty({ type: [String], example: ['punctuality'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, CODES)
  focusAreas: string[];
}

export class UpdateCycleDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/, CODE_MESSAGE)
  code?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, CODES)
  focusAreas?: string[];
}

export class RecordCycleDto {
  @ApiPropertyOptional({ description: 'What the forum learnt in the cycle' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  reflections?: string | null;

  @ApiPropertyOptional({ description: 'What the forum decided' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  decisions?: string | null;

  @ApiPropertyOptional({ description: 'Close the cycle (true) or open it again (false)' })
  @IsOptional()
  @IsBoolean()
  close?: boolean;
}

export class CreateActionDto {
  @ApiProperty({ example: 'Extra förarutbildning i bemötande' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiProperty({ type: [String], example: ['staff-conduct'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, CODES)
  rootCauses: string[];

  @ApiProperty({ type: [String], example: ['staff-treatment'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, CODES)
  focusAreas: string[];

  @ApiPropertyOptional({
    type: [String],
    description: "Contract codes; empty: every contract (an operator's: every contract of its own)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CODE, CODES)
  contracts?: string[];

  @ApiPropertyOptional({ description: "The owner's organisation code; your own by default" })
  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  owner?: string;

  @ApiProperty({
    example: '2026-03-01',
    description: 'The day it was decided; its effect is measured from here',
  })
  @IsCalendarDate()
  decidedOn: string;

  @ApiPropertyOptional({ example: '2026-06-30' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES, { message: `must be one of ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatus;

  @ApiPropertyOptional({ description: "The cycle's id it was decided in" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a cycle id' })
  cycle?: string | null;
}

export class UpdateActionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, CODES)
  rootCauses?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(CODE, CODES)
  focusAreas?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CODE, CODES)
  contracts?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(CODE, CODE_MESSAGE)
  owner?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  decidedOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string | null;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES, { message: `must be one of ${ACTION_STATUSES.join(', ')}` })
  status?: ActionStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a cycle id' })
  cycle?: string | null;
}

export class IdParam {
  @ApiProperty()
  @IsUUID('all', { message: 'must be an id' })
  id: string;
}
