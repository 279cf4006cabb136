import { WrongExpectedVersionError } from './errors';
import type { ExpectedRevision } from './event-store';

/** Throws WrongExpectedVersionError unless `actual` satisfies `expected`. */
export function assertExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  actual: number | null,
): void {
  if (!matchesExpectedRevision(expected, actual)) {
    throw new WrongExpectedVersionError(stream, expected, actual);
  }
}

export function matchesExpectedRevision(
  expected: ExpectedRevision,
  actual: number | null,
): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === null;
    case 'exists':
      return actual !== null;
    default:
      return actual === expected;
  }
}
