import type { DomainEvent } from '@roster/domain';
import type { RecordedEvent } from '@roster/event-store';
import type { EventCodec, StorableEvent } from '@roster/ledger';
import { ERASED_MARK, erasedUserName } from './erased-marker';
import {
  isAccessAttribute,
  PERSONAL_EVENTS,
  userOfStream,
} from './personal-fields';
import { open, seal, sealedBox } from './sealed-box';
import type { UserKeyring } from './user-keyring';

type Data = Record<string, unknown>;

/**
 * Seals the personal attributes of user events with the user's key before
 * they are stamped (the chain hashes the sealed form), and opens them on
 * read. An event whose key was destroyed reads with `erased:<userId>` as
 * userName, only its role values as resource, and metadata
 * `personalData: 'erased'`.
 */
export function personalDataCodec(keyring: UserKeyring): EventCodec {
  return {
    encode: async (stream, events) => {
      const owner = userOfStream(stream);
      if (!owner || !events.some((e) => PERSONAL_EVENTS.has(e.type)))
        return [...events];

      const key = await keyring.keyFor(owner.tenantId, owner.userId);
      return events.map((event) => sealEvent(key, stream, event));
    },
    decode: async (events) => {
      const keys = await keysFor(keyring, events);
      return events.map((event) => openEvent(keys, event));
    },
  };
}

function sealEvent(
  key: Buffer,
  stream: string,
  event: DomainEvent,
): StorableEvent {
  if (!PERSONAL_EVENTS.has(event.type)) return event;

  const { userName, resource, ...rest } = event.data as Data;
  const [access, personal] = splitResource(resource);
  const hidden = {
    userName,
    ...(resource === undefined ? {} : { resource: personal }),
  };
  const data: Data = {
    ...rest,
    ...(access === undefined ? {} : { resource: access }),
    sealed: seal(key, hidden, aadOf(stream, event.type)),
  };
  return { type: event.type, data };
}

function splitResource(
  resource: unknown,
): [Data | undefined, Data | undefined] {
  if (typeof resource !== 'object' || resource === null)
    return [undefined, undefined];

  const entries = Object.entries(resource as Data);
  const access = entries.filter(([name]) => isAccessAttribute(name));
  const personal = entries.filter(([name]) => !isAccessAttribute(name));
  return [
    access.length > 0 ? Object.fromEntries(access) : undefined,
    Object.fromEntries(personal),
  ];
}

async function keysFor(keyring: UserKeyring, events: readonly RecordedEvent[]) {
  const wanted = new Map<string, Set<string>>();
  for (const event of events) {
    const owner = sealedOwner(event);
    if (!owner) continue;
    wanted.set(
      owner.tenantId,
      (wanted.get(owner.tenantId) ?? new Set()).add(owner.userId),
    );
  }

  const keys = new Map<string, Buffer>();
  for (const [tenantId, userIds] of wanted) {
    for (const [userId, key] of await keyring.keysOf(tenantId, [...userIds])) {
      keys.set(`${tenantId}\n${userId}`, key);
    }
  }
  return keys;
}

function sealedOwner(event: RecordedEvent) {
  const data = event.data as Data | null;
  if (typeof data !== 'object' || data === null || !('sealed' in data))
    return null;
  return userOfStream(event.stream);
}

function openEvent(
  keys: Map<string, Buffer>,
  event: RecordedEvent,
): RecordedEvent {
  const owner = sealedOwner(event);
  if (!owner) return event;

  const { sealed, ...rest } = event.data as Data;
  const box = sealedBox.parse(sealed);
  const key = keys.get(`${owner.tenantId}\n${owner.userId}`);
  if (!key) return erased(event, rest, owner.userId);

  const hidden = open(key, box, aadOf(event.stream, event.type)) as Data;
  const resource = hidden['resource'] as Data | undefined;
  const merged: Data = { ...rest, userName: hidden['userName'] };
  if (resource !== undefined)
    merged['resource'] = {
      ...resource,
      ...(rest['resource'] as Data | undefined),
    };
  return { ...event, data: merged };
}

function erased(
  event: RecordedEvent,
  rest: Data,
  userId: string,
): RecordedEvent {
  const data: Data = { ...rest, userName: erasedUserName(userId) };
  if (event.type !== 'UserDeleted') data['resource'] = rest['resource'] ?? {};
  return {
    ...event,
    data,
    metadata: { ...event.metadata, [ERASED_MARK]: 'erased' },
  };
}

function aadOf(stream: string, type: string): string {
  return `${stream}\n${type}`;
}
