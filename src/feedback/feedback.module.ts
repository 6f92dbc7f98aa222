import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HTML_ERROR_PAGES } from '../infra/http/problem-details.filter';
import { IntakeModule } from '../intake/intake.module';
import { FeedbackController } from './feedback.controller';
import { FeedbackErrorPages } from './feedback-error-pages';
import { FeedbackPages } from './feedback-pages';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';
import { FeedbackViews } from './feedback-views';
import { SuggestionsController } from './suggestions.controller';

/** The traveller's web form (GET/POST /feedback), its receipt, and its line and stop suggestions. */
@Module({
  imports: [IntakeModule, CasesModule],
  controllers: [SuggestionsController, FeedbackController],
  providers: [
    FeedbackService,
    FeedbackRepository,
    FeedbackViews,
    FeedbackPages,
    // The error filter draws the form's error pages with this.
    { provide: HTML_ERROR_PAGES, useClass: FeedbackErrorPages },
  ],
  exports: [HTML_ERROR_PAGES],
})
export class FeedbackModule {}
