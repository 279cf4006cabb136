import { currentVersion, eventSchemas, isEventType } from './catalog';
import type { DomainEvent } from './catalog';
import { upcasters } from './upcasters';

/** A stored event that the catalog cannot read. */
export class UnreadableEventError extends Error {
  override readonly name = 'UnreadableEventError';
}

/**
 * Reads stored event data of any known schema version as the current
 * version. Throws UnreadableEventError for unknown types, versions from the
 * future, and data that fails its schema.
 */
export function parseEvent(
  type: string,
  version: number,
  data: unknown,
): DomainEvent {
  if (!isEventType(type)) {
    throw new UnreadableEventError(`unknown event type ${type}`);
  }

  const latest = currentVersion(type);
  if (!Number.isInteger(version) || version < 1 || version > latest) {
    throw new UnreadableEventError(`${type} has no schema version ${version}`);
  }

  let upcast = data;
  for (let from = version; from < latest; from++) {
    upcast = upcasters[type]?.[from]?.(upcast);
  }

  const parsed = eventSchemas[type].safeParse(upcast);
  if (!parsed.success) {
    throw new UnreadableEventError(
      `${type} v${version}: ${parsed.error.message}`,
    );
  }
  return { type, data: parsed.data } as DomainEvent;
}
