import { randomUUID } from 'node:crypto';

export type StoredResource = Record<string, unknown> & { id: string };

/** One tenant's resources of one type, plus a userName index for 409s. */
export class PeerCollection {
  readonly byId = new Map<string, StoredResource>();
  readonly #unique = new Map<string, string>();

  constructor(
    private readonly resourceType: string,
    private readonly uniqueAttribute: string,
  ) {}

  /** Creates (no id) or replaces (id) a resource; throws on a clash. */
  write(id: string | undefined, data: Record<string, unknown>): StoredResource {
    const key = this.#keyOf(data);
    const owner = key === undefined ? undefined : this.#unique.get(key);
    if (owner !== undefined && owner !== id) throw new UniquenessClash();

    const previous = id === undefined ? undefined : this.byId.get(id);
    if (id !== undefined && !previous) throw new NotFound();
    const stored = this.#stamp(id ?? randomUUID(), data, previous);

    this.#forget(previous);
    if (key !== undefined) this.#unique.set(key, stored.id);
    this.byId.set(stored.id, stored);
    return stored;
  }

  remove(id: string): void {
    const previous = this.byId.get(id);
    if (!previous) throw new NotFound();
    this.#forget(previous);
    this.byId.delete(id);
  }

  #stamp(
    id: string,
    data: Record<string, unknown>,
    previous: StoredResource | undefined,
  ): StoredResource {
    const now = new Date().toISOString();
    const created = (previous?.['meta'] as { created?: string } | undefined)
      ?.created;
    const meta = {
      resourceType: this.resourceType,
      created: created ?? now,
      lastModified: now,
    };
    return { ...data, id, meta };
  }

  #forget(previous: StoredResource | undefined): void {
    const key = previous ? this.#keyOf(previous) : undefined;
    if (key !== undefined) this.#unique.delete(key);
  }

  #keyOf(data: Record<string, unknown>): string | undefined {
    const value = data[this.uniqueAttribute];
    return typeof value === 'string' ? value.toLowerCase() : undefined;
  }
}

export class UniquenessClash extends Error {}
export class NotFound extends Error {}

/** Users and groups of every tenant (the bearer token names the tenant). */
export class PeerStore {
  readonly #tenants = new Map<
    string,
    { users: PeerCollection; groups: PeerCollection }
  >();

  of(tenant: string) {
    let found = this.#tenants.get(tenant);
    if (!found) {
      found = {
        users: new PeerCollection('User', 'userName'),
        groups: new PeerCollection('Group', 'displayName'),
      };
      this.#tenants.set(tenant, found);
    }
    return found;
  }
}
