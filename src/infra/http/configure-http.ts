import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { feedbackAssetsDir } from '../../feedback/feedback-paths';
import type { AppConfig } from '../config/app-config';
import { bodyParsers } from './body-parsers';
import { createValidationPipe } from './validation';

/** Up to three 5 MB photos, base64-encoded (4/3), and the report around them. */
export const JSON_INTAKE_LIMIT_BYTES = Math.ceil((3 * 5 * 1024 * 1024 * 4) / 3) + 64 * 1024;

/** HTTP concerns every route shares: security headers, body limits, validation, OpenAPI. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          imgSrc: ["'self'", 'data:'],
          // The Swagger UI page needs inline styles; pages of our own use none.
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          upgradeInsecureRequests: config.PUBLIC_BASE_URL.startsWith('https:') ? [] : null,
        },
      },
      strictTransportSecurity: config.PUBLIC_BASE_URL.startsWith('https:'),
    }),
  );
  app.use(
    ...bodyParsers(config.JSON_BODY_LIMIT_BYTES, [
      { method: 'POST', path: '/api/v1/cases', limitBytes: JSON_INTAKE_LIMIT_BYTES },
    ]),
  );
  // The web form's CSRF cookie; its pages load their CSS and JavaScript from /assets/.
  app.use(cookieParser());
  app.useStaticAssets(feedbackAssetsDir(), { prefix: '/assets/', index: false, maxAge: '1h' });
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Synpunkt API')
      .setDescription(
        'Traveller feedback intake and the shared case system of a regional transport authority and its operators.',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
}
