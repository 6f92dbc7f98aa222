import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS } from '../../../directory/organisation.entity';
import type { OrganisationKind } from '../../../directory/organisation.entity';
import type { UserProfile } from '../../accounts.repository';
import { ROLES } from '../../principal';
import type { Principal, Role } from '../../principal';

export class OrganisationRefDto {
  @ApiProperty()
  id: string;

  @ApiProperty({ example: 'GUB' })
  code: string;

  @ApiProperty({ example: 'Gamla Uppsala Buss AB' })
  name: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  kind: OrganisationKind;
}

/** The signed-in person as they may see themselves: no hashes, no counters, no tokens. */
export class MeDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ type: OrganisationRefDto })
  organisation: OrganisationRefDto;

  @ApiProperty({ enum: ['session', 'api-token'] })
  authenticatedBy: Principal['via'];

  static from(profile: UserProfile, principal: Principal): MeDto {
    return Object.assign(new MeDto(), {
      id: profile.id,
      name: profile.name,
      email: profile.email,
      role: profile.role,
      organisation: Object.assign(new OrganisationRefDto(), profile.organisation),
      authenticatedBy: principal.via,
    });
  }
}
