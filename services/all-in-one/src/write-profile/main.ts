import { storesOn } from '@roster/composition';
import { createTestDatabase } from '@roster/read-store/testing';
import { createLogger, generateToken } from '@roster/service-kit';
import { createPgClient, createPgliteClient } from '@roster/sql';
import { countingSqlClient, type SeenStatement } from '@roster/sql/testing';
import { createRosterApp } from '../roster-app';
import { startSystem } from '../roster-system';
import { listen } from '../testing/listen';
import { createTestTenant } from '../testing/test-roster';

/**
 * `tsx services/all-in-one/src/write-profile/main.ts pglite|postgres [users]`: creates
 * users one at a time (filter GET, then POST) through the all-in-one app
 * and prints the statements each request ran, grouped by kind.
 */
async function main(): Promise<void> {
  const kind = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
  const users = Number(process.argv[3] ?? 50);
  const database = kind === 'postgres' ? await createTestDatabase() : null;
  const counting = countingSqlClient(
    database ? createPgClient(database.url) : await createPgliteClient(),
  );
  const stores = await storesOn(counting);
  const system = await startSystem(stores, { consistencyTimeoutMs: 10_000 });
  const app = createRosterApp(system, {
    log: createLogger('silent'),
    adminToken: generateToken('rst_op'),
    rateLimitPerSecond: 100_000,
  });
  const server = await listen(app);
  const { token } = await createTestTenant(system, 'profile');

  const perUser: SeenStatement[][] = [];
  const startedAt = performance.now();
  const cpuAt = process.cpuUsage();
  for (let i = 0; i < users; i++) {
    counting.reset();
    await createOne(server.url, token, `user${i}@profile.example`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    perUser.push([...counting.seen]);
  }
  const ms = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuAt);
  report(kind, perUser, ms, (cpu.user + cpu.system) / 1000);

  await server.close();
  await system.close();
  await stores.close();
  await database?.drop();
}

async function createOne(url: string, token: string, userName: string) {
  const headers = {
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/scim+json',
  };
  const filter = encodeURIComponent(`userName eq "${userName}"`);
  const found = await fetch(`${url}/scim/v2/Users?filter=${filter}`, {
    headers,
  });
  await found.text();
  const created = await fetch(`${url}/scim/v2/Users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      active: true,
      name: { givenName: 'Pro', familyName: 'File' },
      emails: [{ value: userName, type: 'work', primary: true }],
    }),
  });
  if (created.status !== 201) throw new Error(await created.text());
}

function report(
  kind: string,
  perUser: SeenStatement[][],
  ms: number,
  cpuMs: number,
) {
  const steady = perUser.slice(Math.floor(perUser.length / 2));
  const average = steady.reduce((sum, l) => sum + l.length, 0) / steady.length;
  const sqlMs =
    steady.reduce((sum, l) => sum + l.reduce((s, x) => s + x.ms, 0), 0) /
    steady.length;

  const lines = [
    `${kind}: ${perUser.length} users one after another`,
    `  ${(ms / perUser.length).toFixed(1)} ms per user (GET + POST)`,
    `  ${(cpuMs / perUser.length).toFixed(1)} CPU ms of this process per user`,
    `  ${average.toFixed(1)} round trips per user (BEGIN+COMMIT as 2)`,
    `  ${sqlMs.toFixed(1)} ms summed statement time per user`,
    '  statements of one user, in order:',
    ...(steady[0] ?? []).map((s) => {
      return `    ${s.ms.toFixed(2).padStart(7)} ms  ${s.text.slice(0, 110)}`;
    }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

void main();
