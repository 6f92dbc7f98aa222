import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TRAFFIC_MODES } from '../routing.model';
import type { RoutingDecision, TrafficMode } from '../routing.model';

export class ExplainRoutingDto {
  @ApiPropertyOptional({ example: 'linje 4', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  line?: string;

  @ApiPropertyOptional({ example: 'Uppsala Centralstation', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  stop?: string;

  @ApiPropertyOptional({ enum: TRAFFIC_MODES })
  @IsOptional()
  @IsIn(TRAFFIC_MODES)
  mode?: TrafficMode;

  @ApiPropertyOptional({ example: 'staff-treatment' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'must be a kebab-case category code' })
  category?: string;

  @ApiPropertyOptional({ example: '2026-11-20T17:45:00+01:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  // Without an offset the instant would depend on the server's time zone.
  @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/, {
    message: 'must be a date-time with a time zone offset (Z or +01:00)',
  })
  occurredAt?: string;
}

class PartyDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class RoutingExplanationDto {
  @ApiProperty({ type: PartyDto, nullable: true })
  contract: PartyDto | null;

  @ApiProperty({ type: PartyDto, nullable: true })
  responsible: PartyDto | null;

  @ApiProperty()
  triage: boolean;

  @ApiProperty({ enum: ['high', 'medium', 'low'] })
  confidence: string;

  @ApiProperty({ type: [String] })
  reasons: string[];

  @ApiProperty({ type: [PartyDto] })
  candidates: PartyDto[];

  static from(decision: RoutingDecision | null): RoutingExplanationDto {
    if (!decision) {
      return Object.assign(new RoutingExplanationDto(), {
        contract: null,
        responsible: null,
        triage: true,
        confidence: 'low',
        reasons: ['no area directory is loaded'],
        candidates: [],
      });
    }
    return Object.assign(new RoutingExplanationDto(), {
      contract: decision.contract,
      responsible: decision.responsible,
      triage: decision.triage,
      confidence: decision.confidence,
      reasons: decision.reasons,
      candidates: decision.candidates,
    });
  }
}
