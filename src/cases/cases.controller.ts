import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { CasesService } from './cases.service';
import { CaseStatusDto } from './dto/case-status.dto';
import { CaseReferenceParam } from './dto/case-reference.param';

@ApiTags('cases')
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  /** A case's status by its reference, as a traveller may follow it. */
  @Public()
  @Get(':reference')
  @ApiOkResponse({ type: CaseStatusDto })
  @ApiNotFoundResponse({ description: 'No case has that reference' })
  async status(@Param() params: CaseReferenceParam): Promise<CaseStatusDto> {
    return CaseStatusDto.from(await this.cases.getByReference(params.reference));
  }
}
