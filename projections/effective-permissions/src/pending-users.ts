import type { Instant } from './instants';
import type { AffectedUser } from './recompute-affected';

/**
 * Users changed by applied events whose rows are not rewritten yet, each
 * with the instant that changed it. While no later event affects such a
 * user, its sources stay what they were right after that instant, so one
 * recompute can serve the users of many instants, each at its own time.
 */
export class PendingUsers {
  readonly #instantOf = new Map<string, Instant>();

  get size(): number {
    return this.#instantOf.size;
  }

  /** Whether one of `userIds` waits from an instant other than `instant`. */
  heldOutside(userIds: Iterable<string>, instant: Instant): boolean {
    for (const userId of userIds) {
      const held = this.#instantOf.get(userId);
      if (held !== undefined && held !== instant) return true;
    }
    return false;
  }

  add(userIds: Iterable<string>, instant: Instant): void {
    for (const userId of userIds) this.#instantOf.set(userId, instant);
  }

  /** Removes and returns the users of every instant except `keep`. */
  takeExcept(keep?: Instant): AffectedUser[] {
    const taken: AffectedUser[] = [];
    for (const [userId, instant] of this.#instantOf) {
      if (instant === keep) continue;
      taken.push({ userId, at: instant.at });
      this.#instantOf.delete(userId);
    }
    return taken;
  }
}
