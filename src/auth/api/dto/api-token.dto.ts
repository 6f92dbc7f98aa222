import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import type { ApiTokenRow } from '../../credentials.repository';
import { MAX_API_TOKEN_NAME_LENGTH } from '../../api-tokens.service';

export class CreateApiTokenDto {
  @ApiProperty({ example: 'Operatörens ärendesystem', maxLength: MAX_API_TOKEN_NAME_LENGTH })
  @IsString()
  @Length(1, MAX_API_TOKEN_NAME_LENGTH)
  name: string;
}

export class ApiTokenIdParam {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a UUID' })
  id: string;
}

/** A token as its owner may list it: never the token itself, which is shown once at creation. */
export class ApiTokenDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  createdAt: string;

  @ApiProperty({ nullable: true, type: String })
  lastUsedAt: string | null;

  @ApiProperty({ nullable: true, type: String })
  revokedAt: string | null;

  static from(row: ApiTokenRow): ApiTokenDto {
    return Object.assign(new ApiTokenDto(), {
      id: row.id,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
      revokedAt: row.revokedAt?.toISOString() ?? null,
    });
  }
}

export class NewApiTokenDto extends ApiTokenDto {
  @ApiProperty({
    description: 'Send as `Authorization: Bearer <token>`. Shown this once; only its hash is kept.',
    example: 'spt_…',
  })
  token: string;
}
