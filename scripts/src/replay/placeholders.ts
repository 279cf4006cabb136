import { randomUUID } from 'node:crypto';

const placeholder = /\$\{([A-Za-z0-9_.:-]+)\}/g;

/**
 * Replaces `${name}` with a bound value. `${new:name}` binds `name` to a
 * fresh UUID the first time and reuses it after.
 */
export function bind(value: unknown, bindings: Map<string, string>): unknown {
  if (typeof value === 'string') return bindText(value, bindings);
  if (Array.isArray(value)) return value.map((item) => bind(item, bindings));
  if (value === null || typeof value !== 'object') return value;

  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, bind(item, bindings)]),
  );
}

function bindText(text: string, bindings: Map<string, string>): string {
  return text.replace(placeholder, (_match, name: string) => {
    if (name.startsWith('new:')) {
      const key = name.slice(4);
      if (!bindings.has(key)) bindings.set(key, randomUUID());
      return bindings.get(key) ?? '';
    }

    const bound = bindings.get(name);
    if (bound === undefined) throw new Error(`\${${name}} is not bound yet`);
    return bound;
  });
}

/** Reads `a.b.0.c` out of a JSON value. */
export function pick(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, key) => {
    if (current === null || typeof current !== 'object') return undefined;
    return (current as Record<string, unknown>)[key];
  }, value);
}
