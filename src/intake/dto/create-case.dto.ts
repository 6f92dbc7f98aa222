import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CASE_KINDS,
  DESCRIPTION_MAX_LENGTH,
  LANGUAGES,
  REPLY_CHANNELS,
} from '../../cases/case.model';
import type { CaseKind, Language, ReplyChannel } from '../../cases/case.model';
import { TRAFFIC_MODES } from '../../routing/routing.model';
import type { TrafficMode } from '../../routing/routing.model';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class ContactDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'Anna Andersson' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 254, example: 'anna@example.se' })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({
    maxLength: 32,
    example: '070-123 45 67',
    description: 'Normalised to E.164; +46 is assumed',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(32)
  phone?: string;
}

export class PhotoDto {
  @ApiProperty({ description: 'The JPEG or PNG file, base64-encoded (at most 5 MB decoded)' })
  // Checked as base64 by the controller's decoder: a regex here overflows on large photos.
  @IsString()
  @MaxLength(7_000_000)
  data: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  filename?: string;
}

/** A traveller's report as the JSON intake takes it. */
export class CreateCaseDto {
  @ApiProperty({ enum: CASE_KINDS })
  @IsIn(CASE_KINDS, { message: `must be one of ${CASE_KINDS.join(', ')}` })
  kind: CaseKind;

  @ApiPropertyOptional({
    example: 'staff-treatment',
    description: 'A category code from the area taxonomy',
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'must be a kebab-case category code' })
  category?: string;

  @ApiProperty({ maxLength: DESCRIPTION_MAX_LENGTH, example: 'Bussen kom aldrig.' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(DESCRIPTION_MAX_LENGTH)
  description: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'linje 4' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  line?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Uppsala Centralstation' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  stop?: string;

  @ApiPropertyOptional({
    enum: TRAFFIC_MODES,
    description: 'Bus, train…: helps when a line name is ambiguous',
  })
  @IsOptional()
  @IsIn(TRAFFIC_MODES)
  mode?: TrafficMode;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(32)
  vehicleNumber?: string;

  @ApiPropertyOptional({
    example: '2026-11-20T17:45:00+01:00',
    description: 'When it happened (ISO 8601 with offset)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  // Without an offset the instant would depend on the server's time zone.
  @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/, {
    message: 'must be a date-time with a time zone offset (Z or +01:00)',
  })
  occurredAt?: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'sv' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;

  @ApiPropertyOptional({ type: ContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContactDto)
  contact?: ContactDto;

  @ApiPropertyOptional({ type: [PhotoDto], maxItems: 3 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3, { message: 'must hold at most 3 photos' })
  @ValidateNested({ each: true })
  @Type(() => PhotoDto)
  photos?: PhotoDto[];

  @ApiPropertyOptional({
    enum: REPLY_CHANNELS,
    description: 'Defaults to e-mail, else SMS, else none',
  })
  @IsOptional()
  @IsIn(REPLY_CHANNELS)
  replyChannel?: ReplyChannel;
}
