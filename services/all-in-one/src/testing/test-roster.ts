import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { runTenantCommand } from '@roster/ledger';
import { createTestDatabase } from '@roster/read-store/testing';
import { createLogger, generateToken, hashToken } from '@roster/service-kit';
import { openStores } from '@roster/composition';
import { createRosterApp } from '../roster-app';
import { startSystem } from '../roster-system';
import type { RosterSystem } from '../roster-system';

export type TestStore = 'pglite' | 'postgres';

export interface TestRoster {
  readonly app: Express;
  readonly system: RosterSystem;
  readonly adminToken: string;
  /** Creates a tenant and a SCIM token for it. */
  tenant(id?: string): Promise<{ tenantId: string; token: string }>;
  close(): Promise<void>;
}

/** A whole Roster in this process: in-memory PGlite, or a fresh database. */
export async function startTestRoster(
  kind: TestStore = 'pglite',
): Promise<TestRoster> {
  const database = kind === 'postgres' ? await createTestDatabase() : undefined;
  const stores = await openStores({
    mode: database ? 'production' : 'embedded',
    eventStore: database ? 'postgres' : 'embedded',
    DATABASE_URL: database?.url,
    KURRENTDB_URL: undefined,
    dataDir: undefined,
  });
  const system = await startSystem(stores, { consistencyTimeoutMs: 10_000 });
  const adminToken = generateToken('rst_op');
  const app = createRosterApp(system, {
    log: createLogger(process.env['ROSTER_TEST_LOG'] ?? 'silent'),
    adminToken,
  });

  return {
    app,
    system,
    adminToken,
    tenant: (id) =>
      createTestTenant(system, id ?? `t${randomUUID().slice(0, 8)}`),
    close: async () => {
      await system.close();
      await stores.close();
      await database?.drop();
    },
  };
}

/** A tenant with a SCIM token, made through the ledger as an admin would. */
export async function createTestTenant(system: RosterSystem, tenantId: string) {
  const token = generateToken('rst_scim');
  const requestId = randomUUID();
  const ctx = {
    store: system.stores.eventStore,
    tenantId,
    newId: randomUUID,
    request: {
      tenantId,
      actor: { kind: 'admin' as const, id: 'test' },
      requestId,
      correlationId: requestId,
    },
  };

  const created = await runTenantCommand(ctx, {
    type: 'CreateTenant',
    tenantId,
    name: tenantId,
  });
  const issued = await runTenantCommand(ctx, {
    type: 'IssueToken',
    kind: 'scim',
    tokenId: randomUUID(),
    tokenHash: hashToken(token),
  });
  await system.afterWrite(tenantId, created.position);
  await system.afterWrite(tenantId, issued.position);
  return { tenantId, token };
}
