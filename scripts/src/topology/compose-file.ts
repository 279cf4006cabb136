import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';

const condition = z.enum([
  'service_started',
  'service_healthy',
  'service_completed_successfully',
]);
const healthcheck = z.strictObject({
  test: z.array(z.string()).min(2),
  interval: z.string().regex(/^\d+(ms|s|m)$/),
  timeout: z.string().regex(/^\d+(ms|s|m)$/),
  retries: z.number().int().positive(),
});

/**
 * The part of the Compose Specification that Roster's compose file uses.
 * Strict: an unknown (or misspelt) key is an error, not ignored.
 */
const service = z
  .strictObject({
    image: z.string().min(1).optional(),
    build: z
      .strictObject({ context: z.string(), dockerfile: z.string() })
      .optional(),
    restart: z
      .enum(['no', 'always', 'on-failure', 'unless-stopped'])
      .optional(),
    command: z.array(z.string()).min(1).optional(),
    environment: z.record(z.string(), z.string()).optional(),
    depends_on: z.record(z.string(), z.strictObject({ condition })).optional(),
    healthcheck: healthcheck.optional(),
    ports: z
      .array(z.string().regex(/^(\d{1,3}(\.\d{1,3}){3}:)?\d+:\d+$/))
      .optional(),
    volumes: z.array(z.string().regex(/^[a-z0-9-]+:\/[^:]*$/)).optional(),
  })
  .refine((s) => s.image || s.build, 'needs an image or a build');

const topLevel = new Set(['name', 'services', 'volumes']);
const composeFile = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
    services: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), service),
    volumes: z.record(z.string(), z.null()).default({}),
  })
  .catchall(z.unknown())
  .refine(
    (file) => Object.keys(file).every((k) => topLevel.has(k) || /^x-/.test(k)),
    'top-level keys are name, services, volumes and x-* extensions',
  );

export type ComposeFile = z.infer<typeof composeFile>;
export type ComposeService = z.infer<typeof service>;

/** Reads and checks `path` under `root`; see `parseComposeFile`. */
export function readComposeFile(root: string, path: string): ComposeFile {
  return parseComposeFile(readFileSync(join(root, path), 'utf8'), path);
}

/**
 * Parses a compose file as `docker compose` would (YAML with anchors and
 * `<<` merge keys), then checks its structure.
 * @throws an Error naming `source` and the first problem
 */
export function parseComposeFile(text: string, source: string): ComposeFile {
  const document = parseDocument(text, { merge: true });
  const problem = [...document.errors, ...document.warnings][0];
  if (problem) throw new Error(`${source}: ${problem.message}`);

  const parsed = composeFile.safeParse(document.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/**
 * Compose's interpolation of `${NAME}`, `${NAME:-default}` and
 * `${NAME:?message}`. @throws the message when a required one is unset
 */
export function interpolate(
  value: string,
  variables: Readonly<Record<string, string>>,
): string {
  return value.replace(
    /\$\{([A-Z_][A-Z0-9_]*)(?::([-?])([^}]*))?\}/g,
    (_match, name: string, kind?: string, rest?: string) => {
      const set = variables[name];
      if (set) return set;
      if (kind === '?') throw new Error(`${name}: ${rest ?? 'required'}`);
      return kind === '-' ? (rest ?? '') : '';
    },
  );
}
