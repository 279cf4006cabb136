import type { z } from 'zod';
import { retryDelayMs, sleep, type RetryPolicy } from './backoff';
import { PermissionsClientError } from './client-error';
import {
  batchAnswer,
  checkAnswer,
  userPermissionsAnswer,
  type CheckAnswer,
  type UserPermissionsAnswer,
} from './wire-schemas';

export interface PermissionsClientOptions {
  /** Where /v1 is served, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  /** A service token of the tenant (or the operator token). */
  readonly token: string;
  /** Per attempt, in ms. Default 2000. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Defaults to the global fetch (keep-alive connections). */
  readonly fetch?: typeof fetch;
}

/** Who a check is about. */
export type UserRef =
  { readonly userId: string } | { readonly userName: string };

export interface Check {
  readonly user: UserRef;
  readonly permission: string;
}

/**
 * The permissions API. Every method rejects with PermissionsClientError
 * when no trustworthy answer came back; it never resolves to "allowed"
 * unless the server said exactly that.
 */
export interface PermissionsClient {
  check(tenantId: string, check: Check): Promise<CheckAnswer>;
  /** Up to 1000 checks in one request; answers in the same order. */
  checkMany(tenantId: string, checks: readonly Check[]): Promise<CheckAnswer[]>;
  userPermissions(
    tenantId: string,
    userId: string,
  ): Promise<UserPermissionsAnswer>;
}

export function createPermissionsClient(
  options: PermissionsClientOptions,
): PermissionsClient {
  const call = caller(options);
  const tenantPath = (tenantId: string) =>
    `/v1/tenants/${encodeURIComponent(tenantId)}`;

  return {
    check: (tenantId, check) =>
      call(`${tenantPath(tenantId)}/check`, checkAnswer, wireCheck(check)),
    checkMany: async (tenantId, checks) => {
      const body = { checks: checks.map(wireCheck) };
      const answer = await call(
        `${tenantPath(tenantId)}/check`,
        batchAnswer,
        body,
      );
      if (answer.results.length !== checks.length) {
        throw new PermissionsClientError(
          'invalid-response',
          'the batch answer has the wrong length',
        );
      }
      return answer.results;
    },
    userPermissions: (tenantId, userId) =>
      call(
        `${tenantPath(tenantId)}/users/${encodeURIComponent(userId)}/permissions`,
        userPermissionsAnswer,
      ),
  };
}

function wireCheck({ user, permission }: Check): Record<string, string> {
  return 'userId' in user
    ? { userId: user.userId, permission }
    : { userName: user.userName, permission };
}

/** One JSON call with timeout and retries (checks are reads: safe). */
function caller(options: PermissionsClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const retries = options.retry?.retries ?? 2;

  return async <S extends z.ZodType>(
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.infer<S>> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await once(doFetch, options, path, schema, body);
      } catch (error) {
        const failure = asClientError(error);
        if (!failure.retryable || attempt >= retries) throw failure;
        await sleep(retryDelayMs(attempt, options.retry ?? {}));
      }
    }
  };
}

async function once<S extends z.ZodType>(
  doFetch: typeof fetch,
  options: PermissionsClientOptions,
  path: string,
  schema: S,
  body: unknown,
): Promise<z.infer<S>> {
  const response = await doFetch(new URL(path, options.baseUrl), {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${options.token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 2000),
  });

  if (!response.ok) throw await statusError(response);
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    throw new PermissionsClientError('invalid-response', 'unexpected answer');
  }
  return parsed.data;
}

async function statusError(
  response: Response,
): Promise<PermissionsClientError> {
  const problem = (await response.json().catch(() => ({}))) as {
    detail?: unknown;
  };
  const detail =
    typeof problem.detail === 'string' ? problem.detail : response.statusText;
  const busy = response.status >= 500 || response.status === 429;
  const kind = busy ? 'unavailable' : 'refused';
  return new PermissionsClientError(kind, detail, response.status);
}

function asClientError(error: unknown): PermissionsClientError {
  if (error instanceof PermissionsClientError) return error;
  // fetch rejects with a DOMException named TimeoutError.
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') {
    return new PermissionsClientError(
      'timeout',
      'the API did not answer in time',
    );
  }
  return new PermissionsClientError('unavailable', 'the API is unreachable');
}
