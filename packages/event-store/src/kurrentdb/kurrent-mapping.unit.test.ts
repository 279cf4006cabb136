import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { encodePosition, START } from '../position';
import {
  fromCurrentState,
  fromKurrentPosition,
  fromResolvedEvent,
  toEventData,
  toKurrentPosition,
  toStreamState,
} from './kurrent-mapping';

const appended = {
  id: '5f0c4b9e-8d1c-4f5e-9a57-1f2d3c4b5a69',
  type: 'UserCreated',
  version: 2,
  data: { userName: 'ada@example.com' },
  metadata: { actor: { kind: 'scim-token', id: 'tok-1' }, requestId: 'r-1' },
};

describe('KurrentDB mapping', () => {
  it('maps every expected revision to a stream state', () => {
    expect(toStreamState('no-stream')).toBe(NO_STREAM);
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(7)).toBe(7n);
  });

  it('maps the actual stream state back to a revision or null', () => {
    expect(fromCurrentState(4n)).toBe(4);
    expect(fromCurrentState(NO_STREAM)).toBeNull();
    expect(fromCurrentState(-6n)).toBeNull();
  });

  it('keeps the event id and carries version and metadata as strings', () => {
    const data = toEventData(appended);

    expect(data).toMatchObject({
      id: appended.id,
      type: 'UserCreated',
      contentType: 'application/json',
      data: appended.data,
    });
    const properties = Object.values(data.metadata as Record<string, unknown>);
    expect(properties.every((value) => typeof value === 'string')).toBe(true);
  });

  it('refuses event data that JSON events cannot carry', () => {
    expect(() => toEventData({ ...appended, data: 42 })).toThrow(TypeError);
  });

  it('reads back what it wrote, with stream, revision and position', () => {
    const written = toEventData(appended);
    const created = new Date('2025-01-02T03:04:05Z');
    const resolved = {
      event: {
        streamId: 'tenant:acme:user:1',
        id: written.id,
        isJson: true,
        revision: 3n,
        type: written.type,
        created,
        data: written.data,
        metadata: written.metadata,
        position: { commit: 900n, prepare: 899n },
      },
    } as ResolvedEvent;

    expect(fromResolvedEvent(resolved)).toEqual({
      ...appended,
      stream: 'tenant:acme:user:1',
      revision: 3,
      position: encodePosition(900n, 899n),
      tenantId: 'acme',
      recordedAt: created,
    });
  });

  it('decodes metadata that arrives as bytes', () => {
    const written = toEventData(appended);
    const bytes = new TextEncoder().encode(JSON.stringify(written.metadata));
    const resolved = {
      event: {
        streamId: 'tenant:acme:user:1',
        id: written.id,
        isJson: true,
        revision: 0n,
        type: written.type,
        created: new Date(),
        data: written.data,
        metadata: bytes,
      },
      commitPosition: 12n,
    } as unknown as ResolvedEvent;

    expect(fromResolvedEvent(resolved)).toMatchObject({
      version: 2,
      metadata: appended.metadata,
      position: encodePosition(12n, 12n),
    });
  });

  it('skips a link whose event is gone', () => {
    expect(fromResolvedEvent({})).toBeNull();
  });

  it('round-trips positions and keeps their string order', () => {
    const early = fromKurrentPosition({ commit: 9n, prepare: 9n });
    const late = fromKurrentPosition({ commit: 10n, prepare: 2n });

    expect(toKurrentPosition(late)).toEqual({ commit: 10n, prepare: 2n });
    expect(early > START && late > early).toBe(true);
  });
});
