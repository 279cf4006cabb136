import { send, userUrn, type Exchange } from './scim-http';

export interface BurstOptions {
  readonly ingressUrls: () => readonly string[];
  readonly token: string;
  readonly users: number;
  readonly concurrency: number;
  /** userName prefix, unique per test. */
  readonly prefix: string;
  /** Attempts per user, as an IdP retries a failed object. Default 120. */
  readonly attempts?: number;
}

export interface BurstResult {
  /** HTTP requests sent, retries included. */
  sent: number;
  /** userName -> id, for every create answered 2xx. */
  readonly accepted: Map<string, string>;
  /** userNames whose retry met 409: an earlier attempt had landed. */
  readonly landedEarlier: Set<string>;
  /** userNames that never got 2xx or 409 within their attempts. */
  readonly gaveUp: Set<string>;
  /** Every status seen, with how often. */
  readonly statuses: Map<number, number>;
  /** Refusals (429, 5xx) that came without Retry-After. */
  withoutRetryAfter: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs `users` users with bounded concurrency over the ingress URLs,
 * retrying refusals and lost connections like an IdP (Retry-After capped
 * at 250 ms to keep tests short).
 */
export async function provisioningBurst(
  options: BurstOptions,
): Promise<BurstResult> {
  const result: BurstResult = {
    sent: 0,
    accepted: new Map(),
    landedEarlier: new Set(),
    gaveUp: new Set(),
    statuses: new Map(),
    withoutRetryAfter: 0,
  };
  let next = 0;
  const worker = async () => {
    while (next < options.users) {
      const index = next++;
      await provisionOne(
        options,
        `${options.prefix}-${index}@example.com`,
        result,
      );
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return result;
}

async function provisionOne(
  options: BurstOptions,
  userName: string,
  result: BurstResult,
): Promise<void> {
  const attempts = options.attempts ?? 120;

  for (let attempt = 0; attempt < attempts; attempt++) {
    const urls = options.ingressUrls();
    const url = urls[(attempt + userName.length) % urls.length] ?? '';
    const response = await send(`${url}/scim/v2/Users`, options.token, 'POST', {
      schemas: [userUrn],
      userName,
      active: true,
    });
    record(result, response);

    if (response.status === 201) {
      result.accepted.set(userName, (response.body as { id: string }).id);
      return;
    }
    if (response.status === 409 && attempt > 0) {
      result.landedEarlier.add(userName);
      return;
    }
    if (response.status !== 0 && response.status < 429) break;
    await pause(Math.min(250, Number(response.retryAfter ?? '0.25') * 1000));
  }
  result.gaveUp.add(userName);
}

function record(result: BurstResult, response: Exchange): void {
  result.sent += 1;
  result.statuses.set(
    response.status,
    (result.statuses.get(response.status) ?? 0) + 1,
  );
  const refused = response.status === 429 || response.status >= 500;
  if (refused && !response.retryAfter) {
    result.withoutRetryAfter += 1;
  }
}
