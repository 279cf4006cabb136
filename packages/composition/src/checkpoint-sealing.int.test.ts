import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyTenant } from '@roster/audit';
import { createEventStore } from '@roster/event-store';
import { runTenantCommand } from '@roster/ledger';
import { startCheckpointSealing } from './checkpoint-sealing';

// Each PGlite start compiles its WebAssembly: seconds, not milliseconds.
jest.setTimeout(60_000);

it('seals a checkpoint of a tenant that moved, with two sealers at once', async () => {
  const store = await createEventStore({ kind: 'embedded' });
  const request = {
    tenantId: 'acme',
    actor: { kind: 'admin' as const, id: 'test' },
    requestId: randomUUID(),
    correlationId: randomUUID(),
  };
  const ctx = { store, tenantId: 'acme', newId: randomUUID, request };
  await runTenantCommand(ctx, {
    type: 'CreateTenant',
    tenantId: 'acme',
    name: 'Acme',
  });
  const errors: unknown[] = [];

  const stops = [1, 2].map(() =>
    startCheckpointSealing(store, (error) => errors.push(error), 20),
  );
  let sealed = await store.readStream('tenant:acme:audit').catch(() => []);
  for (let tries = 0; sealed.length === 0 && tries < 250; tries++) {
    await sleep(20);
    sealed = await store.readStream('tenant:acme:audit').catch(() => []);
  }
  await sleep(100);
  stops.forEach((stop) => stop());

  // Both may seal the same heads, one after the other: still one chain.
  const report = await verifyTenant(store, 'acme');
  const types = new Set(sealed.map((event) => event.type));

  expect(sealed.length).toBeGreaterThan(0);
  expect([...types]).toEqual(['AuditCheckpointSealed']);
  expect(report).toMatchObject({ ok: true });
  expect(errors).toEqual([]);
  await store.close();
});
