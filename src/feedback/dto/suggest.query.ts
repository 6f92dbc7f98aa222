import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** What the traveller has typed so far into the line field or the stop field. */
export class SuggestQuery {
  @ApiPropertyOptional({ maxLength: 100, example: '4', description: 'Start of a line name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  line?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Flog', description: 'Start of a stop name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  stop?: string;
}

export class SuggestionDto {
  @ApiProperty({ example: '4', description: 'What goes into the field' })
  value: string;

  @ApiProperty({ nullable: true, type: String, example: 'Stadsbuss' })
  label: string | null;
}

export class SuggestionsDto {
  @ApiProperty({ type: [SuggestionDto], description: 'At most 10' })
  suggestions: SuggestionDto[];
}
