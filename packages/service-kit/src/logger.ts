import pino from 'pino';
import type { Logger } from 'pino';

/** Field paths that never reach a log line. */
const redacted = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
  'password',
  '*.password',
  'body',
  '*.body',
];

/** JSON logs on stdout: the object first, a constant message after it. */
export function createLogger(level: string, name = 'roster'): Logger {
  return pino({
    name,
    level,
    redact: { paths: redacted, censor: '[redacted]' },
    base: { service: name },
  });
}

export type { Logger } from 'pino';
