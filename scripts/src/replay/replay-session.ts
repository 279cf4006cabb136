import { bodyMatches } from './body-matches';
import { bind, pick } from './placeholders';
import type { SessionStep } from './session-step';

export interface StepResult {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly ok: boolean;
  /** Why the step failed its expectation. */
  readonly problem?: string;
  readonly body: unknown;
}

export interface ReplayOptions {
  /** The SCIM base URL, e.g. http://127.0.0.1:8080/scim/v2 */
  readonly url: string;
  readonly token: string;
  readonly onStep?: (result: StepResult) => void;
}

/** Plays a recorded session against a running Roster, step by step. */
export async function replaySession(
  steps: readonly SessionStep[],
  options: ReplayOptions,
): Promise<StepResult[]> {
  const bindings = new Map<string, string>();
  const results: StepResult[] = [];

  for (const step of steps) {
    const result = await playStep(step, options, bindings);
    options.onStep?.(result);
    results.push(result);
  }
  return results;
}

async function playStep(
  step: SessionStep,
  options: ReplayOptions,
  bindings: Map<string, string>,
): Promise<StepResult> {
  const path = String(bind(step.path, bindings));
  const headers = {
    Authorization: `Bearer ${options.token}`,
    ...(step.body === undefined
      ? {}
      : { 'Content-Type': 'application/scim+json' }),
    ...(bind(step.headers ?? {}, bindings) as Record<string, string>),
  };
  const response = await fetch(`${options.url}${path}`, {
    method: step.method,
    headers,
    ...(step.body === undefined
      ? {}
      : { body: JSON.stringify(bind(step.body, bindings)) }),
  });

  const text = await response.text();
  const body: unknown = text === '' ? undefined : safeJson(text);
  for (const [name, field] of Object.entries(step.capture ?? {})) {
    const value = pick(body, field);
    if (typeof value === 'string') bindings.set(name, value);
  }

  const problem = check(step, response.status, body, bindings);
  return {
    name: step.name ?? `${step.method} ${step.path}`,
    method: step.method,
    path,
    status: response.status,
    ok: problem === undefined,
    ...(problem === undefined ? {} : { problem }),
    body,
  };
}

function check(
  step: SessionStep,
  status: number,
  body: unknown,
  bindings: Map<string, string>,
): string | undefined {
  if (!step.expect) return status < 400 ? undefined : `status ${status}`;
  if (status !== step.expect.status)
    return `status ${status}, expected ${step.expect.status}`;

  const expected = bind(step.expect.body, bindings);
  if (step.expect.body !== undefined && !bodyMatches(body, expected)) {
    return `body does not match ${JSON.stringify(expected)}`;
  }
  return undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
