import { hashEvent } from '@roster/domain';
import type { AuditRecord } from '../audit-record';
import { isSealedStream } from '../audit-stream';
import { merkleRoot, type StreamHead } from '../merkle-root';
import type { Checkpoint } from './checkpoint';
import type { BadEvent, VerifyReport } from './verify-report';

type Verifiable = Omit<AuditRecord, 'recordedAt'>;

/** What the verifier needs of an event besides its hash. */
export interface ChainLink {
  readonly position: string;
  readonly stream: string;
  readonly revision: number;
  readonly id: string;
  /** The metadata's previousHash, as stored. */
  readonly previousHash: unknown;
}

interface Head extends StreamHead {
  readonly id: string;
}

/** A chain break whose culprit is decided by what follows it. */
interface Suspect {
  readonly found: number;
  readonly after: Head;
  readonly at: Pick<ChainLink, 'revision' | 'id'>;
}

export interface VerifierOptions {
  /** Accept a stream's first event at any revision (a filtered export). */
  readonly partial?: boolean;
}

/**
 * Checks each stream's hash chain and every checkpoint, fed the stored
 * events of one tenant in log order. Memory grows with the number of
 * streams, not of events.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, Head>();
  private readonly suspects = new Map<string, Suspect>();
  private readonly broken = new Set<string>();
  private readonly problems: { found: number; bad: BadEvent }[] = [];
  private readonly pending: Checkpoint[];
  private events = 0;
  private checked = 0;

  constructor(
    private readonly tenantId: string,
    checkpoints: readonly Checkpoint[],
    private readonly options: VerifierOptions = {},
  ) {
    this.pending = options.partial ? [] : [...checkpoints];
  }

  add(record: Verifiable): void {
    this.addLink(
      { ...record, previousHash: record.metadata['previousHash'] },
      hashEvent(record),
    );
  }

  /** The same, for an event hashed by the caller (`hashEventText`). */
  addLink(record: ChainLink, hash: string): void {
    this.sealsBefore(record.position);
    this.events += 1;

    const head = this.heads.get(record.stream);
    this.heads.set(record.stream, {
      stream: record.stream,
      revision: record.revision,
      hash,
      id: record.id,
    });
    if (this.broken.has(record.stream)) return;

    this.resolveSuspect(record);
    if (this.broken.has(record.stream)) return;
    this.checkLink(record, head);
  }

  finish(): VerifyReport {
    this.sealsBefore(null);
    for (const [stream, suspect] of this.suspects) {
      this.report(suspect.found, stream, {
        revision: suspect.after.revision,
        eventId: suspect.after.id,
        reason: `its hash is not the previousHash of revision ${suspect.at.revision}: the event was changed`,
      });
    }

    const first = this.problems.sort((a, b) => a.found - b.found)[0];
    return {
      ok: first === undefined,
      streams: this.heads.size,
      events: this.events,
      checkpoints: this.checked,
      ...(first ? { firstBad: first.bad } : {}),
    };
  }

  private checkLink(record: ChainLink, head: Head | undefined): void {
    const expected = head ? head.revision + 1 : 0;
    const previousHash = record.previousHash ?? null;

    if (!head && this.options.partial) return;
    if (record.revision !== expected) {
      return this.report(this.events, record.stream, {
        revision: Math.min(expected, record.revision),
        eventId: record.id,
        reason: `revision ${expected} expected, ${record.revision} found: an event is missing or out of place`,
      });
    }
    if (previousHash === (head?.hash ?? null)) return;

    if (!head) {
      return this.report(this.events, record.stream, {
        revision: record.revision,
        eventId: record.id,
        reason: 'the first event of the stream names a previous hash',
      });
    }
    // The first break decides; later ones follow from it.
    if (this.suspects.has(record.stream)) return;
    this.suspects.set(record.stream, {
      found: this.events,
      after: head,
      at: record,
    });
  }

  /** A later event that links to the suspect's predecessor vouches for it. */
  private resolveSuspect(record: ChainLink): void {
    const suspect = this.suspects.get(record.stream);
    if (!suspect || record.previousHash !== suspect.after.hash) {
      return;
    }
    this.report(suspect.found, record.stream, {
      revision: suspect.at.revision,
      eventId: suspect.at.id,
      reason: `revision ${suspect.at.revision} does not follow revision ${suspect.after.revision}: moved, inserted or altered`,
    });
  }

  private sealsBefore(position: string | null): void {
    for (;;) {
      const next = this.pending[0];
      if (!next || (position !== null && position <= next.lastPosition)) {
        return;
      }
      this.pending.shift();
      this.checkSeal(next);
    }
  }

  private checkSeal(checkpoint: Checkpoint): void {
    this.checked += 1;
    const heads = [...this.heads.values()].filter((head) =>
      isSealedStream(head.stream, this.tenantId),
    );
    if (
      heads.length === checkpoint.streams &&
      merkleRoot(heads) === checkpoint.root
    ) {
      return;
    }

    const counts =
      heads.length < checkpoint.streams
        ? `${checkpoint.streams - heads.length} sealed stream(s) are missing`
        : heads.length > checkpoint.streams
          ? `${heads.length - checkpoint.streams} stream(s) were not sealed`
          : 'a stream head differs';
    this.report(this.events, checkpoint.stream, {
      revision: checkpoint.revision,
      eventId: checkpoint.eventId,
      reason: `the log up to ${checkpoint.lastPosition} does not match this checkpoint: ${counts}`,
    });
  }

  private report(
    found: number,
    stream: string,
    bad: Omit<BadEvent, 'stream'>,
  ): void {
    this.suspects.delete(stream);
    this.broken.add(stream);
    this.problems.push({ found, bad: { stream, ...bad } });
  }
}
