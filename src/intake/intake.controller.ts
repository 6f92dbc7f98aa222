import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import { CaseStatusDto } from '../cases/dto/case-status.dto';
import { CreateCaseDto } from './dto/create-case.dto';
import { IntakeRejectedError } from './intake.errors';
import { IntakeService } from './intake.service';
import { decodeBase64 } from './photo-check';

@ApiTags('intake')
@Controller('api/v1/cases')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  /** A traveller's report as JSON: stored, acknowledged through the queue, answered with its reference. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CaseStatusDto })
  @ApiBadRequestResponse({ description: 'Problem details naming each invalid field' })
  @ApiTooManyRequestsResponse({
    description: 'Too many reports from this address; see Retry-After',
  })
  async create(@Body() body: CreateCaseDto): Promise<CaseStatusDto> {
    const { photos, ...report } = body;
    const receipt = await this.intake.submit({
      ...report,
      channel: 'api',
      attachments: photos?.map((photo, index) => ({
        contentType: 'application/octet-stream', // decided from the bytes by the intake
        filename: photo.filename,
        data: decodedPhoto(photo.data, index),
      })),
    });
    return CaseStatusDto.from(receipt.case, receipt.responsible, receipt.answerBy);
  }
}

function decodedPhoto(data: string, index: number): Buffer {
  const decoded = decodeBase64(data);
  if (!decoded)
    throw new IntakeRejectedError([{ field: `photos[${index}].data`, reason: 'must be base64' }]);
  return decoded;
}
