import { sql, type Kysely } from 'kysely';
import {
  defineProjection,
  type ParsedEvent,
  type RegisteredProjection,
} from '../projection';

export interface TenantLogTable {
  tenant_id: string;
  stream: string;
  revision: number;
  position: string;
  type: string;
}

export interface TenantLogDatabase {
  tenant_log: TenantLogTable;
}

/** Events with this role name make the projection throw. */
export const POISON_ROLE = 'poison';

/**
 * A projection for runtime tests: logs every event and throws when a
 * stream's events arrive out of order or twice, and on poison events.
 */
export function orderCheckProjection(
  name = 'tenant_log',
  version = 1,
): RegisteredProjection {
  return defineProjection<TenantLogDatabase>({
    name,
    version,
    servesReads: true,
    migrations: [
      {
        name: '001-tenant-log',
        up: async (db) => {
          await sql`CREATE TABLE tenant_log (tenant_id text NOT NULL,
            stream text NOT NULL, revision integer NOT NULL,
            position text NOT NULL, type text NOT NULL,
            PRIMARY KEY (stream, revision))`.execute(db);
        },
      },
    ],
    apply: (db, events) => applyLog(db, events),
  });
}

async function applyLog(
  db: Kysely<TenantLogDatabase>,
  events: readonly ParsedEvent[],
): Promise<void> {
  for (const event of events) {
    if (event.type === 'RoleDefined' && event.data.role === POISON_ROLE) {
      throw new Error(`poison event ${event.id}`);
    }
  }

  await assertInOrder(db, events);
  await db
    .insertInto('tenant_log')
    .values(
      events.map((event) => ({
        tenant_id: event.tenantId,
        stream: event.stream,
        revision: event.revision,
        position: event.position,
        type: event.type,
      })),
    )
    .execute();
}

async function assertInOrder(
  db: Kysely<TenantLogDatabase>,
  events: readonly ParsedEvent[],
): Promise<void> {
  const streams = [...new Set(events.map((event) => event.stream))];
  const rows = await db
    .selectFrom('tenant_log')
    .select(['stream', sql<number>`max(revision)`.as('last')])
    .where(sql<boolean>`stream = ANY(${streams}::text[])`)
    .groupBy('stream')
    .execute();

  const last = new Map(rows.map((row) => [row.stream, Number(row.last)]));
  for (const event of events) {
    const expected = (last.get(event.stream) ?? -1) + 1;
    if (event.revision !== expected) {
      throw new Error(
        `${event.stream}: revision ${event.revision} after ${expected - 1}`,
      );
    }
    last.set(event.stream, event.revision);
  }
}
