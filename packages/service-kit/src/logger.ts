import pino from 'pino';
import type { DestinationStream, Logger } from 'pino';

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

/**
 * JSON logs on stdout (or `destination`, for a test that reads them): the
 * object first, a constant message after it.
 */
export function createLogger(
  level: string,
  name = 'roster',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: redacted, censor: '[redacted]' },
      base: { service: name },
    },
    destination,
  );
}

export type { Logger } from 'pino';
