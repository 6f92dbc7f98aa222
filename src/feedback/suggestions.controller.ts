import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import { SuggestionsDto } from './dto/suggest.query';
import { SuggestQuery } from './dto/suggest.query';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@Controller('feedback/suggest')
export class SuggestionsController {
  constructor(private readonly feedback: FeedbackService) {}

  /** Lines or stops of the active GTFS feed that start with what the traveller typed, for the form's lists. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOkResponse({ type: SuggestionsDto })
  @ApiBadRequestResponse({ description: 'Both line and stop were given' })
  @ApiTooManyRequestsResponse({
    description: 'Too many requests from this address; see Retry-After',
  })
  async suggest(@Query() query: SuggestQuery): Promise<SuggestionsDto> {
    return { suggestions: await this.feedback.suggest(query) };
  }
}
