/** One partition of one generation (a projection version in its schema). */
export interface RunUnit {
  readonly schema: string;
  readonly projection: string;
  readonly version: number;
  readonly partition: number;
  readonly partitionCount: number;
}

export function unitKey(unit: Pick<RunUnit, 'schema' | 'partition'>): string {
  return `${unit.schema}:${unit.partition}`;
}
