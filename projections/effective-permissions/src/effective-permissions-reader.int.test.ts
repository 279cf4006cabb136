import type { SqlClient, SqlExecutor } from '@roster/sql';
import type { UserRef } from './check-result';
import {
  createEffectivePermissionsReader,
  type PermissionCheck,
} from './effective-permissions-reader';
import {
  openPermissionsHarness,
  tenantActions,
  type PermissionsHarness,
} from './testing';

jest.setTimeout(60_000);

let h: PermissionsHarness;

beforeAll(async () => {
  h = await openPermissionsHarness();
});

afterAll(() => h.close());

/**
 * The harness's client, keeping the merged check statements it runs; its
 * write counter goes along, so readers over it keep answers.
 */
function countingChecks(client: SqlClient) {
  const counted = {
    statements: 0,
    seen: [] as { text: string; params: readonly unknown[] }[],
  };
  const executor: SqlExecutor & Pick<SqlClient, 'writeCounter'> = {
    query: (text, params, options) => {
      if (options?.name?.startsWith('roster_checks_')) {
        counted.statements++;
        counted.seen.push({ text, params: params ?? [] });
      }
      return client.query(text, params, options);
    },
    transaction: (run) => client.transaction(run),
    ...(client.writeCounter ? { writeCounter: client.writeCounter } : {}),
  };
  return { counted, executor };
}

describe('the effective-permissions reader', () => {
  it('merges checks of two tenants into one statement, each in its tenant', async () => {
    const a = tenantActions(h, await h.tenant());
    const b = tenantActions(h, await h.tenant());
    const annA = await a.user('ann');
    const annB = await b.user('ann');
    await a.grant(annA, 'docs:read');
    await b.grant(annB, 'docs:write');
    const { counted, executor } = countingChecks(h.client);
    const reader = createEffectivePermissionsReader(executor);

    const byName = (tenantId: string, permission: string) =>
      reader.check(tenantId, { user: { userName: 'ANN' }, permission });
    const answers = await Promise.all([
      byName(a.tenantId, 'docs:read'),
      byName(a.tenantId, 'docs:write'),
      byName(b.tenantId, 'docs:read'),
      byName(b.tenantId, 'docs:write'),
      reader.checkMany(b.tenantId, [
        { user: { userId: annA }, permission: 'docs:read' },
        { user: { userId: annB }, permission: 'docs:write' },
      ]),
    ]);

    expect(counted.statements).toBe(1);
    expect(
      answers.slice(0, 4).map((r) => !Array.isArray(r) && r.allowed),
    ).toEqual([true, false, false, true]);
    expect(answers[2]).toMatchObject({ userId: annB, reason: 'not-granted' });
    expect(answers[4]).toEqual([
      { allowed: false, userId: null, sources: [], reason: 'unknown-user' },
      { allowed: true, userId: annB, sources: [{ kind: 'direct' }] },
    ]);
  });

  it('follows a rebuild at once: a deactivation after the switch is denied', async () => {
    const a = tenantActions(h, await h.tenant());
    const ann = await a.user('ann');
    await a.grant(ann, 'docs:read');
    const reader = createEffectivePermissionsReader(h.client);
    expect(
      (
        await reader.check(a.tenantId, {
          user: { userId: ann },
          permission: 'docs:read',
        })
      ).allowed,
    ).toBe(true);

    const rebuilt = await h.runtime.rebuild('effective_permissions');
    await a.setActive(ann, false);

    expect(rebuilt.dropped.length).toBe(1);
    expect(
      await reader.check(a.tenantId, {
        user: { userId: ann },
        permission: 'docs:read',
      }),
    ).toMatchObject({ allowed: false, reason: 'user-inactive' });
    expect(await reader.userPermissions(a.tenantId, ann)).toEqual({
      userId: ann,
      active: false,
      permissions: [],
    });
  });

  it('rejects every merged check when the statement fails, never allowing', async () => {
    const a = tenantActions(h, await h.tenant());
    const ann = await a.user('ann');
    await a.grant(ann, 'docs:read');
    const failing: SqlExecutor = {
      query: (text, params, options) =>
        options?.name
          ? Promise.reject(new Error('connection lost'))
          : h.client.query(text, params, options),
      transaction: (run) => h.client.transaction(run),
    };
    const reader = createEffectivePermissionsReader(failing);
    const check = { user: { userId: ann }, permission: 'docs:read' };

    const answers = await Promise.allSettled([
      reader.check(a.tenantId, check),
      reader.checkMany(a.tenantId, [check, check]),
    ]);

    expect(answers.map((answer) => answer.status)).toEqual([
      'rejected',
      'rejected',
    ]);
  });

  it('finds a user by any case or Unicode form of the name the ledger holds', async () => {
    const t = tenantActions(h, await h.tenant());
    const rene = await t.user('Rene\u0301');
    const ilker = await t.user('İlker');
    await t.grant(rene, 'docs:read');
    await t.grant(ilker, 'docs:read');
    const reader = createEffectivePermissionsReader(h.client);

    const answers = await reader.checkMany(
      t.tenantId,
      ['RENÉ', 'rene\u0301', 'İLKER', 'i\u0307lker'].map((userName) => ({
        user: { userName },
        permission: 'docs:read',
      })),
    );

    expect(answers.map((a) => a.allowed && a.userId)).toEqual([
      rene,
      rene,
      ilker,
      ilker,
    ]);
  });

  it('answers each check by primary-key probes, never a scan of a table', async () => {
    const t = tenantActions(h, await h.tenant());
    await t.grant(await t.user('ann'), 'docs:read');
    const { counted, executor } = countingChecks(h.client);
    const reader = createEffectivePermissionsReader(executor);
    await reader.checkMany(t.tenantId, [
      { user: { userName: 'ann' }, permission: 'docs:read' },
      { user: { userId: 'nobody' }, permission: 'docs:write' },
    ]);
    const [statement] = counted.seen;
    await fillTables(String(statement!.params[0]), 2000);

    // A prepared statement soon runs on its generic plan, made without
    // the parameters' values; both plans must probe.
    const plans = [
      await planOf(statement!.text, statement!.params, 'force_custom_plan'),
      await planOf(statement!.text, statement!.params, 'force_generic_plan'),
    ];

    for (const plan of plans) {
      expect(plan).toContain('"Index Name":"users_pkey"');
      expect(plan).toContain('"Index Name":"effective_permissions_pkey"');
      expect(plan).not.toMatch(
        /"Node Type":"Seq Scan"[^{}]*"Relation Name":"(users|effective_permissions)"/,
      );
    }
  });
});

describe('answers kept over PGlite', () => {
  const docsRead = (userId: string) => ({
    user: { userId },
    permission: 'docs:read',
  });

  /** A user granted docs:read, and a reader that counts its statements. */
  async function grantedAnn() {
    const a = tenantActions(h, await h.tenant());
    const ann = await a.user('ann');
    await a.grant(ann, 'docs:read');
    const { counted, executor } = countingChecks(h.client);
    const reader = createEffectivePermissionsReader(executor, 'pglite');
    return { a, ann, counted, reader };
  }

  it('answers a repeated check from memory until the next write', async () => {
    const { a, ann, counted, reader } = await grantedAnn();

    const first = await reader.check(a.tenantId, docsRead(ann));
    const again = await reader.checkMany(a.tenantId, [docsRead(ann)]);
    const statementsBefore = counted.statements;
    await a.setActive(ann, false);
    const after = await reader.check(a.tenantId, docsRead(ann));

    expect([first.allowed, again[0]?.allowed]).toEqual([true, true]);
    expect(statementsBefore).toBe(1);
    expect(after).toMatchObject({ allowed: false, reason: 'user-inactive' });
    expect(counted.statements).toBe(2);
  });

  it('keeps no answer read while a write was running', async () => {
    const { a, ann, counted, reader } = await grantedAnn();
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));

    const writing = h.client.transaction(() => held);
    const during = reader.check(a.tenantId, docsRead(ann));
    release();
    await Promise.all([writing, during]);
    await reader.check(a.tenantId, docsRead(ann));

    expect((await during).allowed).toBe(true);
    expect(counted.statements).toBe(2);
  });
  it('files an answer under what the statement looked up, and in the asked tenant', async () => {
    const { a, ann, reader } = await grantedAnn();
    const other = tenantActions(h, await h.tenant());
    const otherAnn = await other.user('ann');
    await other.grant(otherAnn, 'docs:read');
    const named = (userName: string) =>
      ({ userId: undefined, userName }) as unknown as UserRef;
    const smuggled = {
      ...docsRead(otherAnn),
      tenantId: other.tenantId,
    } as PermissionCheck;

    const answers = [
      await reader.check(a.tenantId, { ...docsRead(ann), user: named('ann') }),
      await reader.check(a.tenantId, { ...docsRead(ann), user: named('eve') }),
      await reader.check(a.tenantId, smuggled),
      await reader.check(a.tenantId, smuggled),
    ];

    expect(answers.map((answer) => answer.allowed)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

/** The plan of a check statement prepared under `mode`, as JSON text. */
async function planOf(
  text: string,
  params: readonly unknown[],
  mode: 'force_custom_plan' | 'force_generic_plan',
): Promise<string> {
  await h.client.query(`SET plan_cache_mode = ${mode}`);
  await h.client.query(
    `PREPARE roster_plan_probe (text, text[], text[], text[], text[]) AS ${text}`,
  );
  try {
    // EXECUTE takes no bound parameters: the server quotes the values.
    const { rows: command } = await h.client.query<{ text: string }>(
      `SELECT format('EXPLAIN (FORMAT JSON) EXECUTE roster_plan_probe
        (%L, %L::text[], %L::text[], %L::text[], %L::text[])',
        $1::text, $2::text[], $3::text[], $4::text[], $5::text[]) AS text`,
      params,
    );
    const { rows } = await h.client.query<{ 'QUERY PLAN': unknown }>(
      command[0]!.text,
    );
    return JSON.stringify(rows[0]!['QUERY PLAN']);
  } finally {
    await h.client.query('DEALLOCATE roster_plan_probe');
    await h.client.query('RESET plan_cache_mode');
  }
}

/**
 * Rows of a tenant of their own in the checked tables, with statistics
 * as autovacuum keeps them: written as a join, the statement's generic
 * plan hashed the whole permissions table of 2,000 rows every time.
 */
async function fillTables(schema: string, rows: number): Promise<void> {
  const s = `"${schema}"`;
  await h.client.query(
    `INSERT INTO ${s}.users (tenant_id, user_id, user_name_key, active)
     SELECT 'filler', 'u' || n, 'name' || n, true
     FROM generate_series(1, $1::int) AS n`,
    [rows],
  );
  await h.client.query(
    `INSERT INTO ${s}.effective_permissions
       (tenant_id, user_id, permission, sources)
     SELECT 'filler', 'u' || n, 'docs:read', '[{"kind":"direct"}]'
     FROM generate_series(1, $1::int) AS n`,
    [rows],
  );
  await h.client.query(`ANALYZE ${s}.users, ${s}.effective_permissions`);
}
