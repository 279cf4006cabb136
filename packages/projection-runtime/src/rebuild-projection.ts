import { migrateSchema, type RuntimeDatabase } from '@roster/read-store';
import type { Kysely } from 'kysely';
import {
  activateGeneration,
  createGeneration,
  dropRetired,
  listGenerations,
  type Generation,
} from './generations';
import type { CatchUpResult } from './projection-runtime';
import { eventsAppliedIn } from './rebuild-progress';
import { schemaFor } from './schema-for';
import type { RunUnit } from './run-unit';
import type { ProjectionCode } from './unit-catalog';

/** A partition of the new generation is stopped by a failing event. */
export class RebuildBlockedError extends Error {
  override readonly name = 'RebuildBlockedError';

  constructor(
    readonly schema: string,
    readonly partition: number,
  ) {
    super(`rebuild into ${schema} is stopped at partition ${partition}`);
  }
}

export interface RebuildResult {
  readonly projection: string;
  readonly version: number;
  readonly schema: string;
  /** The schemas dropped after the switch. */
  readonly dropped: readonly string[];
  /** Events the new generation applied, over all its partitions. */
  readonly applied: number;
}

export interface RebuildDeps {
  readonly db: Kysely<RuntimeDatabase>;
  readonly code: ProjectionCode;
  readonly partitions: number;
  readonly refresh: () => Promise<void>;
  readonly units: () => readonly RunUnit[];
  readonly catchUp: (unit: RunUnit) => Promise<CatchUpResult>;
}

/**
 * Builds the latest code version of `name` from the start into a fresh
 * schema while the active one serves, switches readers to it in one
 * transaction and drops the old schema. Calling it again after a crash
 * resumes the generation being built. @throws RebuildBlockedError
 */
export async function rebuildProjection(
  deps: RebuildDeps,
  name: string,
): Promise<RebuildResult> {
  const projection = deps.code.latest().find((p) => p.name === name);
  if (!projection) throw new Error(`no projection named ${name}`);

  const generations = await listGenerations(deps.db);
  const building = generations.find(
    (g) => g.projection === name && g.state === 'building',
  );
  const schema = building?.schema_name ?? freshSchema(projection, generations);

  await migrateSchema(
    deps.db as Kysely<unknown>,
    schema,
    projection.migrations,
  );
  if (!building) {
    await createGeneration(deps.db, {
      schema,
      projection: name,
      version: projection.version,
      state: 'building',
      partitionCount: deps.partitions,
    });
  }

  await deps.refresh();
  await switchWhenCaughtUp(deps, name, schema);
  const applied = await eventsAppliedIn(deps.db, schema);

  const dropped = await dropRetired(deps.db);
  const { version } = projection;
  return { projection: name, version, schema, dropped, applied };
}

function freshSchema(
  projection: { name: string; version: number },
  generations: readonly Generation[],
): string {
  const plain = schemaFor(projection);
  const taken = generations.some((g) => g.schema_name === plain);
  return taken ? schemaFor(projection, Date.now().toString(36)) : plain;
}

/** Writes keep coming while it builds: catch up, then switch if still level. */
async function switchWhenCaughtUp(
  deps: RebuildDeps,
  name: string,
  schema: string,
): Promise<void> {
  for (let round = 1; ; round += 1) {
    await catchUpAll(deps, schema);
    if (await activateGeneration(deps.db, name, schema)) return;
    if (round >= MAX_SWITCH_ROUNDS) throw new RebuildBehindError(schema);
  }
}

const MAX_SWITCH_ROUNDS = 100;

/** The new generation fell behind the active one at every switch attempt. */
export class RebuildBehindError extends Error {
  override readonly name = 'RebuildBehindError';

  constructor(readonly schema: string) {
    super(
      `rebuild into ${schema} kept falling behind the active generation;` +
        ' run it again when writes are fewer (it resumes)',
    );
  }
}

async function catchUpAll(deps: RebuildDeps, schema: string): Promise<void> {
  const units = deps.units().filter((unit) => unit.schema === schema);

  await Promise.all(
    units.map(async (unit) => {
      let result = await deps.catchUp(unit);
      // Another process is building this partition: done when it is.
      while (result.state === 'busy') {
        await new Promise((resolve) => setTimeout(resolve, 100));
        result = await deps.catchUp(unit);
      }
      if (result.state === 'blocked') {
        throw new RebuildBlockedError(schema, unit.partition);
      }
    }),
  );
}
