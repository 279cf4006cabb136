import { reservationDecider, userDecider } from '@roster/domain';
import type { ScimResource, UserState } from '@roster/domain';
import { commit, decide } from '../commit';
import type { CommitResult, Decision } from '../commit';
import { freshStream, loadStream } from '../loaded-stream';
import { requireRevision } from '../require-revision';
import { retryOnConflict } from '../retry-on-conflict';
import { streams } from '../streams';
import { claimName, releaseName } from './claim-name';
import { requireExisting } from './require-existing';
import type { CommandContext } from './command-context';

/** A user as SCIM (or an admin) wants it to be. */
export interface UserWrite {
  readonly userName: string;
  readonly active: boolean;
  /** SCIM attributes without id, meta and active. */
  readonly resource: ScimResource;
}

export interface UserCommandResult extends CommitResult {
  readonly userId: string;
  /** True when SCIM took over a user that an admin had created. */
  readonly adopted: boolean;
}

/**
 * Creates a user whose userName is free, or adopts the product user that
 * holds it. Throws DomainError('name-taken') when SCIM already manages
 * the holder.
 */
export function createUser(
  ctx: CommandContext,
  write: UserWrite,
  origin: 'scim' | 'product',
): Promise<UserCommandResult> {
  return retryOnConflict(async () => {
    const name = await loadName(ctx, write.userName);
    const holder = name.state.ownerId;
    const held = holder ? await loadUser(ctx, holder) : null;

    if (
      origin === 'scim' &&
      held?.state.status === 'present' &&
      !held.state.managedByScim
    ) {
      const adoption = decide(held, userDecider, {
        type: 'AdoptUser',
        ...write,
      });
      return finish(ctx, [adoption], held.state.userId, true);
    }

    const userId = ctx.newId();
    const live = held?.state.status === 'present';
    const claim = claimName(name, 'userName', write.userName, userId, live);
    const user = freshStream(streams.user(ctx.tenantId, userId), userDecider);
    const provision = decide(user, userDecider, {
      type: 'ProvisionUser',
      userId,
      origin,
      ...write,
    });
    return finish(ctx, [claim, provision], userId, false);
  });
}

/**
 * Replaces a user's attributes (PUT, or PATCH applied by the caller). A
 * product user that SCIM writes to is adopted. `ifMatch` is the revision
 * the client saw.
 */
export function updateUser(
  ctx: CommandContext,
  userId: string,
  write: UserWrite | ((state: UserState) => UserWrite),
  ifMatch?: number,
): Promise<UserCommandResult> {
  return retryOnConflict(async () => {
    const user = await loadUser(ctx, userId);
    requireRevision(user, ifMatch);
    requireExisting(user.state.status, 'user');
    const wanted = typeof write === 'function' ? write(user.state) : write;

    const decisions: Decision[] = [];
    const adopting =
      user.state.status === 'present' && !user.state.managedByScim;
    const type = adopting ? 'AdoptUser' : 'UpdateUser';
    decisions.push(decide(user, userDecider, { type, ...wanted }));

    if (wanted.userName !== user.state.userName) {
      decisions.push(...(await rename(ctx, user.state, wanted.userName)));
    }
    return finish(ctx, decisions, userId, adopting);
  });
}

/** Deletes a user and frees its userName; history stays in the log. */
export function deleteUser(
  ctx: CommandContext,
  userId: string,
  ifMatch?: number,
): Promise<UserCommandResult> {
  return retryOnConflict(async () => {
    const user = await loadUser(ctx, userId);
    requireRevision(user, ifMatch);

    const deletion = decide(user, userDecider, { type: 'DeleteUser' });
    const { userName } = user.state;
    const name = await loadName(ctx, userName);
    const release = releaseName(name, 'userName', userName, userId);
    return finish(ctx, [deletion, release], userId, false);
  });
}

/** An admin's direct grant or revocation; SCIM never touches these. */
export function setDirectGrant(
  ctx: CommandContext,
  userId: string,
  permission: string,
  granted: boolean,
): Promise<UserCommandResult> {
  return retryOnConflict(async () => {
    const user = await loadUser(ctx, userId);
    const type = granted ? 'GrantPermission' : 'RevokePermission';
    const decision = decide(user, userDecider, { type, permission });
    return finish(ctx, [decision], userId, false);
  });
}

async function rename(
  ctx: CommandContext,
  state: UserState,
  userName: string,
): Promise<Decision[]> {
  const [oldName, newName] = await Promise.all([
    loadName(ctx, state.userName),
    loadName(ctx, userName),
  ]);
  // Names differing only in case share one reservation stream.
  if (oldName.stream === newName.stream) return [];

  const holder = newName.state.ownerId;
  const held = holder ? await loadUser(ctx, holder) : null;
  const live = held?.state.status === 'present';
  return [
    releaseName(oldName, 'userName', state.userName, state.userId),
    claimName(newName, 'userName', userName, state.userId, live),
  ];
}

function loadUser(ctx: CommandContext, userId: string) {
  return loadStream(ctx.store, streams.user(ctx.tenantId, userId), userDecider);
}

function loadName(ctx: CommandContext, userName: string) {
  return loadStream(
    ctx.store,
    streams.userName(ctx.tenantId, userName),
    reservationDecider,
  );
}

async function finish(
  ctx: CommandContext,
  decisions: Decision[],
  userId: string,
  adopted: boolean,
): Promise<UserCommandResult> {
  const result = await commit(ctx.store, decisions, ctx.request);
  return { ...result, userId, adopted };
}
