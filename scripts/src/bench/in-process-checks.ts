import { performance } from 'node:perf_hooks';
import type { ScenarioContext } from './bench-types';
import type { CheckTenant } from './permission-checks';

export interface InProcessChecks {
  readonly available: boolean;
  readonly figures: Record<string, number>;
  readonly notes: string[];
  /** ms from `since` until the checker denies; 0 if it already does. */
  untilDenied(userId: string, since: number): Promise<number>;
  close(): Promise<void>;
}

interface Checker {
  start(): Promise<void>;
  checkLocal(
    user: { userId: string },
    permission: string,
  ): { allowed: boolean } | undefined;
  check(
    user: { userId: string },
    permission: string,
  ): Promise<{ allowed: boolean }>;
  close(): Promise<void>;
}

/**
 * The in-process checker of packages/permissions-client over the read
 * store's PostgreSQL. Loaded at run time: without the package, or in
 * embedded mode (PGlite belongs to the server process), it is skipped.
 */
export async function inProcessChecks(
  ctx: ScenarioContext,
  target: CheckTenant,
  permission: string,
): Promise<InProcessChecks> {
  if (!target.databaseUrl) return skipped('embedded: no shared read store');
  const checker = await openChecker(target).catch((error: unknown) => error);
  if (!(checker instanceof Object) || !('checkLocal' in checker)) {
    return skipped(`checker unavailable: ${String(checker)}`);
  }

  const figures = measure(ctx, checker as Checker, target, permission);
  return {
    available: true,
    figures,
    notes: [],
    untilDenied: (userId, since) =>
      untilDenied(checker as Checker, userId, permission, since),
    close: () => (checker as Checker).close(),
  };
}

async function openChecker(target: CheckTenant): Promise<Checker> {
  const sql = await import('../../../packages/sql/src/index');
  const client = await import('../../../packages/permissions-client/src/index');
  const pg = sql.createPgClient(target.databaseUrl ?? '');
  const fallback = client.createPermissionsClient({
    baseUrl: target.access.baseUrl.replace(/\/v1\/.*$/, ''),
    token: 'unused-fallback-token',
  });
  const checker = new client.LocalChecker({
    client: pg,
    tenantId: target.tenant.tenantId,
    fallback,
  });
  await checker.start();
  return {
    start: () => Promise.resolve(),
    checkLocal: (user, p) => checker.checkLocal(user, p),
    check: (user, p) => checker.check(user, p),
    close: async () => {
      await checker.close();
      await pg.close();
    },
  };
}

function measure(
  ctx: ScenarioContext,
  checker: Checker,
  target: CheckTenant,
  permission: string,
): Record<string, number> {
  const users = target.userIds
    .slice(0, ctx.scale.checkUsers)
    .map((userId) => ({ userId }));
  const total = ctx.scale.inProcessChecks;
  let allowed = 0;
  let unanswered = 0;

  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const answer = checker.checkLocal(users[i % users.length]!, permission);
    if (answer === undefined) unanswered++;
    else if (answer.allowed) allowed++;
  }
  const seconds = (performance.now() - started) / 1000;

  return {
    'local.cps': total / seconds,
    'local.unanswered': unanswered,
    'local.denied': total - unanswered - allowed,
  };
}

async function untilDenied(
  checker: Checker,
  userId: string,
  permission: string,
  since: number,
): Promise<number> {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const answer = checker.checkLocal({ userId }, permission);
    if (answer?.allowed === false || answer === undefined) {
      return attempt === 0 ? 0 : performance.now() - since;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return Number.POSITIVE_INFINITY;
}

function skipped(why: string): InProcessChecks {
  return {
    available: false,
    figures: {},
    notes: [`in-process checker skipped: ${why}`],
    untilDenied: () => Promise.resolve(0),
    close: () => Promise.resolve(),
  };
}
