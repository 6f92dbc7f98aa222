import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { ExplainRoutingDto, RoutingExplanationDto } from './dto/explain-routing.dto';
import { RoutingService } from './routing.service';

@ApiTags('routing')
@Controller('api/v1/routing')
export class RoutingController {
  constructor(
    private readonly routing: RoutingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The decision the router would make for a hypothetical report; nothing is stored. */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('explain')
  @HttpCode(200)
  @ApiOkResponse({ type: RoutingExplanationDto })
  explain(@Body() body: ExplainRoutingDto): RoutingExplanationDto {
    const decision = this.routing.decide({
      line: body.line,
      stop: body.stop,
      mode: body.mode,
      category: body.category,
      occurredAt: body.occurredAt ? new Date(body.occurredAt) : undefined,
      receivedAt: this.clock.now(),
    });
    return RoutingExplanationDto.from(decision);
  }
}
