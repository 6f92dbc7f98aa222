import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

export const SERVICE_ROLES = ['api', 'worker', 'both'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
  return value;
};
const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/**
 * The environment as the service reads it. Every variable is listed here and nowhere
 * else reads process.env; defaults fit a developer machine.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsIn(SERVICE_ROLES)
  SYNPUNKT_ROLE: ServiceRole = 'both';

  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/synpunkt';

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'must be 1-64 letters, digits or _.:-' })
  QUEUE_PREFIX = 'synpunkt';

  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  MAIL_FROM = 'Synpunkt <noreply@synpunkt.local>';

  @IsOptional()
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'must be a Twilio account SID (AC + 32 hex digits)' })
  TWILIO_ACCOUNT_SID?: string;

  @IsOptional()
  @IsString()
  TWILIO_AUTH_TOKEN?: string;

  @IsOptional()
  @Matches(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11}|MG[0-9a-fA-F]{32})$/, {
    message: 'must be an E.164 number, an alphanumeric sender id or a messaging service SID',
  })
  TWILIO_FROM?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  TWILIO_API_URL?: string;

  /** An IANA zone; checked against the runtime's own list after validation. */
  @IsString()
  AREA_TIMEZONE = 'Europe/Stockholm';

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toBoolean)
  @IsBoolean()
  RUN_MIGRATIONS = true;

  @Transform(toBoolean)
  @IsBoolean()
  SEED_DEMO = false;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  JSON_BODY_LIMIT_BYTES = 64 * 1024;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  INTAKE_RATE_LIMIT_PER_MINUTE = 30;

  /** Posts per client address and minute to each of the inbox's sign-in and password reset forms. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SIGN_IN_RATE_LIMIT_PER_MINUTE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  OUTBOX_POLL_MS = 1000;

  /** PostgreSQL connections per process; a worker's jobs each hold one per query. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 30;

  /** Jobs a worker process runs at once; most of a job's time is spent waiting on I/O. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_CONCURRENCY = 50;

  /** Signs the web form's tokens (CSRF and double-submit). Set a long random value in production. */
  @IsString()
  @MinLength(16)
  FORM_SECRET = 'development-only-form-secret-change-me';

  /** Comma-separated keys that may POST Open311 requests; empty means no key is needed. */
  @IsString()
  OPEN311_API_KEYS = '';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  SMS_RATE_LIMIT_PER_HOUR = 20;

  /**
   * The shared secret an e-mail provider's inbound webhook sends as `Authorization: Bearer …`;
   * unset, travellers' e-mail replies are not received (the endpoint answers 404).
   */
  @IsOptional()
  @IsString()
  @MinLength(16)
  INBOUND_EMAIL_SECRET?: string;
}

export type AppConfig = Readonly<EnvironmentVariables>;

export class ConfigurationError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Configuration error: ${variable} ${reason}`);
  }
}

// In production a deployment must name its services; a default would silently point
// at a developer's localhost.
const REQUIRED_IN_PRODUCTION = [
  'DATABASE_URL',
  'REDIS_URL',
  'PUBLIC_BASE_URL',
  'SMTP_URL',
  'FORM_SECRET',
] as const;
const TWILIO_ALL_OR_NONE = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const;

function firstConstraint(error: ValidationError): string {
  const messages = Object.values(error.constraints ?? {});
  return messages[0]?.replace(`${error.property} `, '') ?? 'is invalid';
}

/** Reads and validates the environment; throws a ConfigurationError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const nodeEnv = given.NODE_ENV ?? 'development';
  if (nodeEnv === 'production') {
    const missing = REQUIRED_IN_PRODUCTION.find((name) => given[name] === undefined);
    if (missing) throw new ConfigurationError(missing, 'is required when NODE_ENV=production');
  }
  const twilioGiven = TWILIO_ALL_OR_NONE.filter((name) => given[name] !== undefined);
  if (twilioGiven.length > 0 && twilioGiven.length < TWILIO_ALL_OR_NONE.length) {
    const missing = TWILIO_ALL_OR_NONE.find((name) => given[name] === undefined)!;
    throw new ConfigurationError(missing, `is required when ${twilioGiven.join(' and ')} is set`);
  }
  if (nodeEnv === 'production' && given.FORM_SECRET === new EnvironmentVariables().FORM_SECRET) {
    throw new ConfigurationError(
      'FORM_SECRET',
      'must not be the development default in production',
    );
  }
  const config = plainToInstance(EnvironmentVariables, given, { excludeExtraneousValues: false });
  const errors = validateSync(config, { skipMissingProperties: false, whitelist: false });
  if (!isKnownTimeZone(config.AREA_TIMEZONE)) {
    throw new ConfigurationError(
      'AREA_TIMEZONE',
      `is not a time zone this runtime knows (${config.AREA_TIMEZONE})`,
    );
  }
  if (errors.length > 0) {
    const [first] = errors;
    throw new ConfigurationError(first.property, firstConstraint(first));
  }
  // Keep only the declared variables: the rest of the process environment is not config.
  const declared = Object.keys(new EnvironmentVariables());
  const optional = [
    'TWILIO_ACCOUNT_SID',
    'TWILIO_AUTH_TOKEN',
    'TWILIO_FROM',
    'TWILIO_API_URL',
    'INBOUND_EMAIL_SECRET',
  ];
  const picked = Object.fromEntries(
    [...declared, ...optional].map((key) => [
      key,
      (config as unknown as Record<string, unknown>)[key],
    ]),
  );
  return Object.freeze(Object.assign(new EnvironmentVariables(), picked));
}

export function smsEnabled(config: AppConfig): boolean {
  return Boolean(config.TWILIO_ACCOUNT_SID && config.TWILIO_AUTH_TOKEN && config.TWILIO_FROM);
}

export function runsApi(config: AppConfig): boolean {
  return config.SYNPUNKT_ROLE !== 'worker';
}

export function runsWorker(config: AppConfig): boolean {
  return config.SYNPUNKT_ROLE !== 'api';
}

export function open311ApiKeys(config: AppConfig): string[] {
  return config.OPEN311_API_KEYS.split(',')
    .map((key) => key.trim())
    .filter(Boolean);
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
