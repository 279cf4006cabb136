import {
  createSnapshotReader,
  parsePermissionNotice,
  PERMISSIONS_CHANNEL,
  type PermissionNotice,
} from '@roster/projection-effective-permissions';
import type { SqlClient } from '@roster/sql';
import { PermissionsClientError } from './client-error';
import type { PermissionsClient, UserRef } from './permissions-client';
import { TenantMemory } from './tenant-memory';
import type { CheckAnswer } from './wire-schemas';

export interface LocalCheckerOptions {
  /** The read store: LISTEN for changes and load snapshots. */
  readonly client: SqlClient;
  readonly tenantId: string;
  /** Asked whenever memory cannot be trusted (loading, a change in flight). */
  readonly fallback: PermissionsClient;
  /** How often the change counter is compared with the store, ms. 1000. */
  readonly heartbeatMs?: number;
}

export type CheckerMode = 'loading' | 'live' | 'fallback' | 'closed';

export interface CheckerStats {
  readonly mode: CheckerMode;
  readonly version: number;
  readonly users: number;
  readonly localChecks: number;
  readonly fallbackChecks: number;
  readonly fullReloads: number;
  /** Projector-to-here delay of the last notice, ms (same-host clocks). */
  readonly lastNoticeLagMs: number | undefined;
}

/**
 * A tenant's effective permissions in memory, kept fresh by the projection's
 * NOTIFY: a user named in a notice is answered by the API until reloaded;
 * a missed notice (a gap in the counter) or an `all` reloads everything,
 * during which the API answers. Fails closed: no answer means not allowed.
 */
export class LocalChecker {
  readonly #memory = new TenantMemory();
  readonly #reader;
  readonly #pending = new Map<string, number>();
  #chain: Promise<void> = Promise.resolve();
  #mode: CheckerMode = 'loading';
  #version = 0;
  #suspect = 0;
  #unlisten: (() => Promise<void>) | undefined;
  #timer: NodeJS.Timeout | undefined;
  #counts = { local: 0, fallback: 0, reloads: 0 };
  #lastLagMs: number | undefined;

  constructor(private readonly options: LocalCheckerOptions) {
    this.#reader = createSnapshotReader(options.client);
  }

  /** Listens first, then loads, so no change falls between the two. */
  async start(): Promise<void> {
    this.#unlisten = await this.options.client.listen(
      PERMISSIONS_CHANNEL,
      (payload) => this.#heard(payload),
    );
    await this.#enqueue(() => this.#reloadAll());
    this.#timer = setInterval(
      () => void this.#heartbeat(),
      this.options.heartbeatMs ?? 1000,
    );
    this.#timer.unref();
  }

  /** The answer from memory, or undefined when memory cannot give one. */
  checkLocal(user: UserRef, permission: string): CheckAnswer | undefined {
    if (this.#mode !== 'live') return undefined;
    const userId = this.#memory.userIdOf(user);
    if (userId !== undefined && this.#pending.has(userId)) return undefined;

    this.#counts.local++;
    return this.#memory.answer(userId, permission);
  }

  /** From memory when it can, else from the API. @throws PermissionsClientError */
  async check(user: UserRef, permission: string): Promise<CheckAnswer> {
    const local = this.checkLocal(user, permission);
    if (local) return local;
    if (this.#mode === 'closed') {
      throw new PermissionsClientError('unavailable', 'the checker is closed');
    }

    this.#counts.fallback++;
    return this.options.fallback.check(this.options.tenantId, {
      user,
      permission,
    });
  }

  /** True only for an answer that says so; false on any failure. */
  async isAllowed(user: UserRef, permission: string): Promise<boolean> {
    return this.check(user, permission).then(
      (answer) => answer.allowed === true,
      () => false,
    );
  }

  stats(): CheckerStats {
    return {
      mode: this.#mode,
      version: this.#version,
      users: this.#memory.size,
      localChecks: this.#counts.local,
      fallbackChecks: this.#counts.fallback,
      fullReloads: this.#counts.reloads,
      lastNoticeLagMs: this.#lastLagMs,
    };
  }

  /** Resolves once every notice heard so far is applied. */
  settled(): Promise<void> {
    return this.#chain;
  }

  async close(): Promise<void> {
    this.#mode = 'closed';
    clearInterval(this.#timer);
    await this.#unlisten?.();
    await this.#chain.catch(() => undefined);
  }

  #heard(payload: string): void {
    const notice = parsePermissionNotice(payload);
    if (notice?.tenantId !== this.options.tenantId) return;
    if (notice.at !== undefined) this.#lastLagMs = Date.now() - notice.at;

    // Synchronously: from now on these users are not answered from memory.
    if (notice.users === 'all') this.#degrade();
    else notice.users.forEach((id) => this.#mark(id, 1));
    void this.#enqueue(() => this.#apply(notice));
  }

  async #apply(notice: PermissionNotice): Promise<void> {
    const users = notice.users;
    try {
      if (notice.version <= this.#version) return;
      if (users === 'all' || notice.version !== this.#version + 1) {
        return await this.#reloadAll();
      }
      const fresh = await this.#reader.users(this.options.tenantId, users);
      this.#memory.replaceSome(users, fresh);
      this.#version = notice.version;
    } finally {
      if (users !== 'all') users.forEach((id) => this.#mark(id, -1));
    }
  }

  async #reloadAll(): Promise<void> {
    if (this.#mode === 'closed') return;
    this.#degrade();

    const version = await this.#reader.version(this.options.tenantId);
    const users = await this.#reader.users(this.options.tenantId);
    this.#memory.replaceAll(users);
    this.#version = version;
    this.#counts.reloads++;
    this.#goLive();
  }

  /** A counter ahead of ours twice in a row: a notice was lost. */
  async #heartbeat(): Promise<void> {
    try {
      const stored = await this.#reader.version(this.options.tenantId);
      this.#suspect = stored > this.#version ? this.#suspect + 1 : 0;
      if (this.#suspect < 2 && this.#mode !== 'fallback') return;
    } catch {
      this.#degrade();
      return;
    }
    this.#suspect = 0;
    await this.#enqueue(() => this.#reloadAll());
  }

  #enqueue(step: () => Promise<void>): Promise<void> {
    this.#chain = this.#chain.then(step).catch(() => this.#degrade());
    return this.#chain;
  }

  #goLive(): void {
    if (this.#mode !== 'closed') this.#mode = 'live';
  }

  #degrade(): void {
    if (this.#mode !== 'closed' && this.#mode !== 'loading') {
      this.#mode = 'fallback';
    }
  }

  #mark(userId: string, delta: number): void {
    const count = (this.#pending.get(userId) ?? 0) + delta;
    if (count > 0) this.#pending.set(userId, count);
    else this.#pending.delete(userId);
  }
}
