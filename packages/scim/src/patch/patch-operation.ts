import type { Filter } from '../filter/filter-ast';
import type { AttributePath } from '../schema/attribute-path';

export type PatchOp = 'add' | 'remove' | 'replace';

/** `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`, URN forms. */
export interface PatchPath {
  readonly text: string;
  readonly attribute: AttributePath;
  readonly filter?: Filter;
  /** The sub-attribute after `[...]`, or after the dot of `attr.sub`. */
  readonly sub?: string;
}

/** One parsed PATCH operation; `value` is still the raw request value. */
export interface PatchOperation {
  readonly op: PatchOp;
  readonly path?: PatchPath;
  readonly value?: unknown;
}
