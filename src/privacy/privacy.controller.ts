import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { SESSION_COOKIE } from '../auth/credentials';
import type { Principal } from '../auth/principal';
import { PersonalDataRequestDto } from './dto/personal-data-request.dto';
import { PersonalDataService } from './personal-data.service';
import type { PersonalDataExport } from './personal-data.service';

/** A traveller's requests for access and erasure, handled by the authority's administrators. */
@ApiTags('privacy')
@ApiCookieAuth(SESSION_COOKIE)
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Sign in first, or send an API token' })
@ApiForbiddenResponse({ description: "Only the authority's administrators" })
@ApiBadRequestResponse({ description: 'Neither an e-mail address nor a phone number' })
@Roles('admin')
@Controller('api/v1/privacy')
export class PrivacyController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Post('export')
  @HttpCode(200)
  export(
    @CurrentUser() admin: Principal,
    @Body() body: PersonalDataRequestDto,
  ): Promise<PersonalDataExport> {
    return this.personalData.export(admin, body);
  }

  @Post('erase')
  @HttpCode(200)
  erase(
    @CurrentUser() admin: Principal,
    @Body() body: PersonalDataRequestDto,
  ): Promise<{ references: string[] }> {
    return this.personalData.erase(admin, body);
  }
}
