import { START } from '@roster/event-store';
import type { RuntimeDatabase } from '@roster/read-store';
import type { SqlClient } from '@roster/sql';
import type { Kysely } from 'kysely';
import { backoffMs } from './backoff';
import { ConsistencyTimeoutError } from './consistency-timeout-error';
import { parseProgress, PROGRESS_CHANNEL } from './progress-channel';
import { unitKey } from './run-unit';

/** A read model a tenant's write must reach: one partition of a schema. */
export interface WaitTarget {
  readonly schema: string;
  readonly partition: number;
}

interface Pending {
  readonly tenantId: string;
  readonly position: string;
  remaining: Set<string>;
  readonly done: () => void;
}

/** Delays between attempts to LISTEN again after the connection dropped. */
const RELISTEN = { baseMs: 100, maxMs: 5000 };

/**
 * Read-your-writes: resolves when checkpoints pass a position. Woken by the
 * runners' NOTIFY on commit; never polls. When the LISTEN connection drops
 * it listens again with backoff, then re-reads the checkpoints of every
 * pending wait, so that a commit notified in between is not missed.
 */
export class ConsistencyWaiter {
  readonly #latest = new Map<string, string>();
  readonly #pending = new Set<Pending>();
  #listening: Promise<void> | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #relisten: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(
    private readonly client: SqlClient,
    private readonly db: Kysely<RuntimeDatabase>,
    private readonly targetsOf: (tenantId: string) => Promise<WaitTarget[]>,
    /** Called when generations were created or switched anywhere. */
    private readonly onSwitch: () => void = () => undefined,
  ) {}

  /** Listens once; later calls share it. Rejects if the first LISTEN fails. */
  start(): Promise<void> {
    this.#stopped = false;
    this.#listening ??= this.#listen().catch((error: unknown) => {
      this.#listening = undefined;
      throw error;
    });
    return this.#listening;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#relisten);
    this.#listening = undefined;
    await this.#unlisten?.();
    this.#unlisten = undefined;
  }

  async #listen(): Promise<void> {
    const unlisten = await this.client.listen(
      PROGRESS_CHANNEL,
      (payload) => this.#heard(payload),
      () => this.#lost(1),
    );
    if (this.#stopped) await unlisten();
    else this.#unlisten = unlisten;
  }

  /** The connection dropped: NOTIFYs sent from now on are lost until then. */
  #lost(attempt: number): void {
    this.#unlisten = undefined;
    if (this.#stopped) return;

    this.#relisten = setTimeout(
      () => {
        this.#listen().then(
          () => this.#recheckAll(),
          () => this.#lost(attempt + 1),
        );
      },
      backoffMs(attempt, RELISTEN),
    );
  }

  #recheckAll(): void {
    for (const pending of this.#pending) void this.#retarget(pending);
  }

  /** @throws ConsistencyTimeoutError after `timeoutMs` */
  async waitFor(
    tenantId: string,
    position: string,
    timeoutMs: number,
  ): Promise<void> {
    if (position === START) return;
    await this.start();

    const targets = await this.targetsOf(tenantId);
    const remaining = new Set(targets.map(unitKey));
    await this.#dropPassed(remaining, targets, position);
    if (remaining.size === 0) return;

    await this.#await(tenantId, position, timeoutMs, remaining);
  }

  async #dropPassed(
    remaining: Set<string>,
    targets: readonly WaitTarget[],
    position: string,
  ): Promise<void> {
    if (targets.length === 0) return;

    const rows = await this.db
      .selectFrom('roster.projection_checkpoints')
      .select(['schema_name', 'partition', 'position'])
      .where(
        'schema_name',
        'in',
        targets.map((target) => target.schema),
      )
      .execute();

    for (const row of rows) {
      const key = unitKey({
        schema: row.schema_name,
        partition: row.partition,
      });
      const latest = this.#latest.get(key) ?? row.position;
      if (row.position >= position || latest >= position) remaining.delete(key);
    }
  }

  #await(
    tenantId: string,
    position: string,
    timeoutMs: number,
    remaining: Set<string>,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const pending: Pending = {
        tenantId,
        position,
        remaining,
        done: () => {
          clearTimeout(timer);
          this.#pending.delete(pending);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.#pending.delete(pending);
        const lagging = [...remaining];
        reject(
          new ConsistencyTimeoutError(tenantId, position, timeoutMs, lagging),
        );
      }, timeoutMs);

      this.#pending.add(pending);
      for (const key of remaining) this.#check(pending, key);
    });
  }

  #heard(payload: string): void {
    const message = parseProgress(payload);
    if (message?.kind === 'switch') {
      this.onSwitch();
      for (const pending of this.#pending) void this.#retarget(pending);
    }
    if (message?.kind !== 'checkpoint') return;

    const key = unitKey(message);
    const known = this.#latest.get(key);
    if (known === undefined || message.position > known) {
      this.#latest.set(key, message.position);
    }
    for (const pending of this.#pending) this.#check(pending, key);
  }

  #check(pending: Pending, key: string): void {
    const latest = this.#latest.get(key);
    if (latest !== undefined && latest >= pending.position) {
      pending.remaining.delete(key);
    }
    if (pending.remaining.size === 0) pending.done();
  }

  /** A rebuild switched generations: wait for the new ones instead. */
  async #retarget(pending: Pending): Promise<void> {
    // Unreadable now: keep waiting for what it had, never end it empty.
    const targets = await this.targetsOf(pending.tenantId).catch(() => null);
    if (!targets) return;

    const remaining = new Set(targets.map(unitKey));
    await this.#dropPassed(remaining, targets, pending.position).catch(
      () => undefined,
    );

    pending.remaining = remaining;
    for (const key of [...remaining]) this.#check(pending, key);
    if (remaining.size === 0) pending.done();
  }
}
