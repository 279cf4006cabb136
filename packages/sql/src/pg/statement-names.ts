import { createHash } from 'node:crypto';

/**
 * Distinct texts that get a prepared statement. Each connection keeps one
 * plan per name, so the cap bounds the server memory this costs; texts met
 * after it run unnamed, as before.
 */
const MAX_NAMED_TEXTS = 500;

/**
 * Names parameterised statements by a digest of their text, so that `pg`
 * parses each once per connection and PostgreSQL can reuse its plan.
 */
export class StatementNames {
  readonly #names = new Map<string, string>();

  /** The name for `text`, or undefined when it should run unnamed. */
  nameOf(text: string, paramCount: number): string | undefined {
    // Unparameterised texts may hold several statements, which only the
    // simple protocol accepts.
    if (paramCount === 0) return undefined;

    const known = this.#names.get(text);
    if (known !== undefined || this.#names.size >= MAX_NAMED_TEXTS) {
      return known;
    }
    const name = `r_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    this.#names.set(text, name);
    return name;
  }
}
