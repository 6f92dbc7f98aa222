import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { Public } from '../auth/public.decorator';
import { CasesService } from './cases.service';
import { CaseStatusDto } from './dto/case-status.dto';
import { CaseReferenceParam } from './dto/case-reference.param';
import { MisroutesQueryDto } from './dto/transfer-case.dto';
import { TransfersService } from './transfers.service';

@ApiTags('cases')
@Controller('api/v1/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly transfers: TransfersService,
  ) {}

  /** A case's status by its reference, as a traveller may follow it. */
  @Public()
  @Get(':reference')
  @ApiOkResponse({ type: CaseStatusDto })
  @ApiNotFoundResponse({ description: 'No case has that reference' })
  async status(@Param() params: CaseReferenceParam): Promise<CaseStatusDto> {
    return this.statusOf(params.reference);
  }

  private async statusOf(reference: string): Promise<CaseStatusDto> {
    const found = await this.cases.getByReference(reference);
    return CaseStatusDto.from(
      found,
      found.responsibleOrganisation,
      await this.cases.answerBy(found.id),
    );
  }
}

@ApiTags('routing')
@Controller('api/v1/routing')
export class MisroutesController {
  constructor(private readonly transfers: TransfersService) {}

  /** Transfers away from each contract per month; an operator sees its own contracts'. */
  @Get('misroutes')
  @ApiUnauthorizedResponse({ description: 'Sign in first' })
  misroutes(@CurrentUser() viewer: Principal, @Query() query: MisroutesQueryDto) {
    return this.transfers.misrouteCounts(query.from, query.to, viewer);
  }
}
