import pino, { Logger } from 'pino';

/** The logger for what happens before Nest (and its logger) exists: service discovery, migrations. */
export function bootLogger(level = 'info'): Logger {
  return pino({ name: 'synpunkt', level });
}
