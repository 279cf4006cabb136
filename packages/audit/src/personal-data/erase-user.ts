import { DomainError, userDecider } from '@roster/domain';
import {
  commit,
  deleteUser,
  loadStream,
  retryOnConflict,
  streams,
  type CommandContext,
} from '@roster/ledger';
import type { Position } from '@roster/event-store';
import type { UserKeyring } from './user-keyring';

export interface ErasureResult {
  readonly userId: string;
  /** The user was live and has been deleted first. */
  readonly deleted: boolean;
  /** Position of the last event written; START when none was. */
  readonly position: Position;
}

/**
 * Erases a user: deletes them if live (SCIM read model row and
 * permissions go), destroys their key (their sealed attributes become
 * unreadable for ever), then records PersonalDataErased in their stream.
 * Idempotent. Throws DomainError('not-found') for an unknown user.
 */
export async function eraseUser(
  ctx: CommandContext,
  keyring: UserKeyring,
  userId: string,
): Promise<ErasureResult> {
  const stream = streams.user(ctx.tenantId, userId);
  const before = await loadStream(ctx.store, stream, userDecider);
  if (before.state.status === 'absent') {
    throw new DomainError('not-found', `user ${userId} not found`);
  }

  const live = before.state.status === 'present';
  const deletion = live ? await deleteUser(ctx, userId) : null;
  await keyring.destroy(ctx.tenantId, userId);

  const recorded = await recordErasure(ctx, stream, userId);
  return {
    userId,
    deleted: live,
    position: recorded ?? deletion?.position ?? '',
  };
}

async function recordErasure(
  ctx: CommandContext,
  stream: string,
  userId: string,
): Promise<Position | null> {
  return retryOnConflict(async () => {
    const loaded = await loadStream(ctx.store, stream, lastType);
    if (loaded.state === 'PersonalDataErased') return null;

    const erasedAt = new Date().toISOString();
    const events = [
      { type: 'PersonalDataErased' as const, data: { userId, erasedAt } },
    ];
    const result = await commit(ctx.store, [{ loaded, events }], ctx.request);
    return result.position;
  });
}

const lastType = {
  initialState: '',
  evolve: (_state: string, event: { type: string }) => event.type,
};
