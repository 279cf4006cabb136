/**
 * Whether `actual` holds everything `expected` says: objects by their
 * keys, arrays element by element in order, other values exactly. An
 * expected `"$absent"` requires the key to be missing.
 */
export function bodyMatches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => bodyMatches(actual[index], item))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return false;
    const object = actual as Record<string, unknown>;
    return Object.entries(expected).every(([key, value]) =>
      value === '$absent' ? !(key in object) : bodyMatches(object[key], value),
    );
  }
  return actual === expected;
}
