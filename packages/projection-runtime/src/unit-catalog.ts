import type { Generation } from './generations';
import { partitionOfTenant } from './partition-of-tenant';
import type { RegisteredProjection } from './projection';
import type { RunUnit } from './run-unit';

/** The code of each projection version this process has. */
export class ProjectionCode {
  readonly #byKey = new Map<string, RegisteredProjection>();

  constructor(projections: readonly RegisteredProjection[]) {
    for (const projection of projections) {
      this.#byKey.set(codeKey(projection.name, projection.version), projection);
    }
  }

  get(name: string, version: number): RegisteredProjection | undefined {
    return this.#byKey.get(codeKey(name, version));
  }

  /** The highest version of each projection. */
  latest(): RegisteredProjection[] {
    const latest = new Map<string, RegisteredProjection>();
    for (const projection of this.#byKey.values()) {
      const known = latest.get(projection.name);
      if (!known || known.version < projection.version) {
        latest.set(projection.name, projection);
      }
    }
    return [...latest.values()];
  }

  servesReads(name: string): boolean {
    return this.latest().some((p) => p.name === name && p.servesReads);
  }
}

function codeKey(name: string, version: number): string {
  return `${name}@${version}`;
}

/** Units this process can run: building or active, with code at hand. */
export function runnableUnits(
  generations: readonly Generation[],
  code: ProjectionCode,
): RunUnit[] {
  return generations
    .filter((g) => g.state !== 'retired' && code.get(g.projection, g.version))
    .flatMap((generation) =>
      Array.from({ length: generation.partition_count }, (_, partition) => ({
        schema: generation.schema_name,
        projection: generation.projection,
        version: generation.version,
        partition,
        partitionCount: generation.partition_count,
      })),
    );
}

/** The units that a tenant's events go to. */
export function unitsOfTenant(
  units: readonly RunUnit[],
  tenantId: string,
): RunUnit[] {
  return units.filter(
    (unit) =>
      unit.partition === partitionOfTenant(tenantId, unit.partitionCount),
  );
}
