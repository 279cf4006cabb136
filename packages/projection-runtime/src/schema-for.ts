import { assertSchemaName } from '@roster/read-store';
import type { Projection } from './projection';

/** `<name>_v<version>`, or `<name>_v<version>_<suffix>` for a rebuild. */
export function schemaFor(
  projection: Pick<Projection, 'name' | 'version'>,
  suffix?: string,
): string {
  const base = `${projection.name}_v${projection.version}`;
  return assertSchemaName(suffix === undefined ? base : `${base}_${suffix}`);
}
