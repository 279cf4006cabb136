import { SelectQueryNode, type OperationNode } from 'kysely';

/** Nodes that can hide a write inside a SELECT: WITH, SQL text, a call. */
const OPAQUE_KINDS = new Set(['WithNode', 'RawNode', 'FunctionNode']);

/**
 * True for a built SELECT that cannot change data: no WITH, no raw SQL
 * and no function call anywhere in it (a function may write).
 */
export function isPlainSelect(node: OperationNode): boolean {
  return SelectQueryNode.is(node) && !holdsOpaque(node);
}

function holdsOpaque(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsOpaque);
  if (value === null || typeof value !== 'object') return false;

  const kind = (value as { kind?: unknown }).kind;
  if (typeof kind === 'string' && OPAQUE_KINDS.has(kind)) return true;
  return Object.values(value).some(holdsOpaque);
}
