import { Module } from '@nestjs/common';
import { RidershipRepository } from './ridership.repository';
import { RidershipService } from './ridership.service';

/** Boardings per month and contract: the import (CLI and API) and the reading side. */
@Module({
  providers: [RidershipService, RidershipRepository],
  exports: [RidershipService, RidershipRepository],
})
export class RidershipModule {}
