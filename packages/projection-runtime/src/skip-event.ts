import { randomUUID } from 'node:crypto';
import type { Actor } from '@roster/domain';
import type { EventStore } from '@roster/event-store';
import {
  hashOfRecorded,
  retryOnConflict,
  stampEvents,
  streams,
} from '@roster/ledger';
import type { RuntimeDatabase } from '@roster/read-store';
import type { Kysely } from 'kysely';

/** No partition of that projection is stopped at that event. */
export class NoSuchFailureError extends Error {
  override readonly name = 'NoSuchFailureError';

  constructor(
    readonly projection: string,
    readonly eventId: string,
  ) {
    super(`projection ${projection} is not stopped at event ${eventId}`);
  }
}

export interface SkipRequest {
  readonly projection: string;
  readonly eventId: string;
  readonly reason: string;
  readonly actor: Actor;
}

export interface SkipResult {
  readonly tenantId: string;
  /** Position of the ProjectionEventSkipped event. */
  readonly position: string;
}

/**
 * Appends the audited ProjectionEventSkipped, then lets every stopped
 * partition of the projection pass that one event (retry due now).
 * @throws NoSuchFailureError
 */
export async function skipEvent(
  db: Kysely<RuntimeDatabase>,
  store: EventStore,
  request: SkipRequest,
): Promise<SkipResult> {
  const failures = await db
    .selectFrom('roster.projection_failures')
    .selectAll()
    .where('projection', '=', request.projection)
    .where('event_id', '=', request.eventId)
    .execute();
  const failure = failures[0];
  if (!failure)
    throw new NoSuchFailureError(request.projection, request.eventId);

  const position = await appendSkipped(store, request, failure);
  await allowSkip(db, request, failures);
  return { tenantId: failure.tenant_id, position };
}

async function appendSkipped(
  store: EventStore,
  request: SkipRequest,
  failure: {
    tenant_id: string;
    version: number;
    position: string;
    error: string;
  },
): Promise<string> {
  const tenantId = failure.tenant_id;
  const stream = streams.operations(tenantId);
  const requestId = randomUUID();

  return retryOnConflict(async () => {
    const last = (await store.readStream(stream)).at(-1);
    const end = {
      stream,
      revision: last ? last.revision : null,
      lastHash: last ? hashOfRecorded(last) : null,
    };
    const events = stampEvents(
      end,
      [
        {
          type: 'ProjectionEventSkipped',
          data: {
            projection: request.projection,
            projectionVersion: failure.version,
            eventId: request.eventId,
            position: failure.position,
            error: failure.error,
            reason: request.reason,
          },
        },
      ],
      { tenantId, actor: request.actor, requestId, correlationId: requestId },
      new Date(),
    );
    const result = await store.append({
      stream,
      events,
      expected: end.revision ?? 'no-stream',
    });
    return result.position;
  });
}

async function allowSkip(
  db: Kysely<RuntimeDatabase>,
  request: SkipRequest,
  failures: readonly {
    schema_name: string;
    partition: number;
    version: number;
  }[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const failure of failures) {
      await trx
        .insertInto('roster.projection_skips')
        .values({
          projection: request.projection,
          version: failure.version,
          event_id: request.eventId,
          reason: request.reason,
        })
        .onConflict((conflict) => conflict.doNothing())
        .execute();

      await trx
        .updateTable('roster.projection_failures')
        .set({ next_retry_at: new Date() })
        .where('schema_name', '=', failure.schema_name)
        .where('partition', '=', failure.partition)
        .execute();
    }
  });
}
