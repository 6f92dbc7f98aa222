import { DynamicModule, Global, Module } from '@nestjs/common';

/** The time source. Injected so that tests can freeze it; nothing else calls `new Date()` for "now". */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class ClockModule {
  /** The system clock, or the one a test hands in to freeze time. */
  static forRoot(clock: Clock = systemClock): DynamicModule {
    return {
      module: ClockModule,
      global: true,
      providers: [{ provide: CLOCK, useValue: clock }],
      exports: [CLOCK],
    };
  }
}
