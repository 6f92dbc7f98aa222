import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Names the traveller by the e-mail address or phone number their cases carry. */
export class PersonalDataRequestDto {
  @ApiPropertyOptional({ example: 'resenar@example.se' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional({ example: '+46701234567' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
}
