import {
  userNameKey,
  type UserSnapshot,
} from '@roster/projection-effective-permissions';
import type { UserRef } from './permissions-client';
import type { CheckAnswer } from './wire-schemas';

interface Entry {
  readonly nameKey: string;
  /** Prebuilt answers: a check allocates nothing. */
  readonly answers: ReadonlyMap<string, CheckAnswer>;
  readonly otherwise: CheckAnswer;
}

const unknownUser: CheckAnswer = Object.freeze({
  allowed: false,
  sources: [],
  reason: 'unknown-user',
});

/** One tenant's effective permissions, answered from memory. */
export class TenantMemory {
  readonly #users = new Map<string, Entry>();
  readonly #byName = new Map<string, string>();

  get size(): number {
    return this.#users.size;
  }

  replaceAll(users: readonly UserSnapshot[]): void {
    this.#users.clear();
    this.#byName.clear();
    users.forEach((user) => this.#put(user));
  }

  /** Replaces `userIds`: those missing from `users` are forgotten. */
  replaceSome(
    userIds: readonly string[],
    users: readonly UserSnapshot[],
  ): void {
    for (const userId of userIds) this.#forget(userId);
    users.forEach((user) => this.#put(user));
  }

  userIdOf(user: UserRef): string | undefined {
    return 'userId' in user
      ? user.userId
      : this.#byName.get(userNameKey(user.userName));
  }

  answer(userId: string | undefined, permission: string): CheckAnswer {
    const entry = userId === undefined ? undefined : this.#users.get(userId);
    if (!entry) return unknownUser;
    return entry.answers.get(permission) ?? entry.otherwise;
  }

  #put(user: UserSnapshot): void {
    const { userId } = user;
    const live = user.active && !user.deleted;
    const answers = new Map<string, CheckAnswer>();
    if (live) {
      for (const [permission, sources] of user.permissions) {
        answers.set(
          permission,
          Object.freeze({ allowed: true, userId, sources }),
        );
      }
    }
    const reason = user.deleted
      ? 'user-deleted'
      : user.active
        ? 'not-granted'
        : 'user-inactive';
    const otherwise = Object.freeze({
      allowed: false,
      userId,
      sources: [],
      reason,
    });

    this.#users.set(userId, { nameKey: user.userNameKey, answers, otherwise });
    if (!user.deleted) this.#byName.set(user.userNameKey, userId);
  }

  #forget(userId: string): void {
    const entry = this.#users.get(userId);
    if (!entry) return;
    this.#users.delete(userId);
    if (this.#byName.get(entry.nameKey) === userId) {
      this.#byName.delete(entry.nameKey);
    }
  }
}
