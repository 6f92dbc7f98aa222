import { Module } from '@nestjs/common';
import { AnonymisationService } from './anonymisation.service';
import { PersonalDataService } from './personal-data.service';
import { PrivacyController } from './privacy.controller';
import { PrivacyProcessor } from './privacy.processor';
import { PrivacyRepository } from './privacy.repository';

/** Travellers' personal data: retention, access and erasure. Needs no queue. */
@Module({
  providers: [PrivacyRepository, AnonymisationService, PersonalDataService],
  exports: [AnonymisationService, PersonalDataService],
})
export class PrivacyModule {}

/** The administrators' API for access and erasure requests. */
@Module({ imports: [PrivacyModule], controllers: [PrivacyController] })
export class PrivacyApiModule {}

/** The nightly anonymisation, only where this process works as a worker. */
@Module({ imports: [PrivacyModule], providers: [PrivacyProcessor] })
export class PrivacyWorkerModule {}
