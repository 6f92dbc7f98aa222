import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { IntakeModule } from '../intake/intake.module';
import { Open311Controller } from './open311.controller';
import { open311ErrorMiddleware } from './open311-exception.filter';
import { Open311Repository } from './open311.repository';
import { Open311Service } from './open311.service';

/** The Open311 GeoReport v2 channel: the region's apps report and follow cases through it. */
@Module({
  imports: [IntakeModule],
  controllers: [Open311Controller],
  providers: [Open311Service, Open311Repository],
})
export class Open311Module implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * A body that does not parse fails in the body parser, before routing, where the
   * controller's filter cannot see it. Nest calls this hook after the routes are
   * registered and before its own catch-all error handler, so this handler sits between
   * them and answers such errors under /open311 in the spec's error format.
   */
  onModuleInit(): void {
    this.adapterHost.httpAdapter?.use('/open311', open311ErrorMiddleware());
  }
}
