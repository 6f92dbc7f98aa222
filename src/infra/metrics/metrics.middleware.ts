import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

@Injectable()
export class MetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const stop = this.metrics.httpRequests.startTimer();
    response.on('finish', () => {
      // The route pattern, not the URL: references and ids must not become label values.
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({
        method: request.method,
        route: `${request.baseUrl}${route}`,
        status: String(response.statusCode),
      });
    });
    next();
  }
}
