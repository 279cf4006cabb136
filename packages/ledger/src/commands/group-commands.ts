import { groupDecider, reservationDecider } from '@roster/domain';
import type {
  GroupState,
  MemberRef,
  ReservationState,
  ScimResource,
} from '@roster/domain';
import { commit, decide } from '../commit';
import type { CommitResult, Decision } from '../commit';
import { freshStream, loadStream } from '../loaded-stream';
import type { LoadedStream } from '../loaded-stream';
import { requireRevision } from '../require-revision';
import { retryOnConflict } from '../retry-on-conflict';
import { streams } from '../streams';
import { claimName, releaseName } from './claim-name';
import { requireExisting } from './require-existing';
import type { CommandContext } from './command-context';

/** A group change as deltas: 100,000 members are never rewritten. */
export interface GroupChange {
  readonly displayName: string;
  /** SCIM attributes without id, meta and members. */
  readonly resource: ScimResource;
  readonly added: readonly MemberRef[];
  readonly removed: readonly string[] | 'all';
}

export interface GroupCommandResult extends CommitResult {
  readonly groupId: string;
}

/** Creates a group; displayName is unique per tenant, ignoring case. */
export function createGroup(
  ctx: CommandContext,
  displayName: string,
  resource: ScimResource,
  members: readonly MemberRef[],
): Promise<GroupCommandResult> {
  return retryOnConflict(async () => {
    const groupId = ctx.newId();
    const group = freshStream(
      streams.group(ctx.tenantId, groupId),
      groupDecider,
    );
    const name = await loadName(ctx, displayName);
    const live = await holderIsLive(ctx, name);

    const claim = claimName(name, 'groupName', displayName, groupId, live);
    const creation = decide(group, groupDecider, {
      type: 'CreateGroup',
      groupId,
      displayName,
      resource,
      members,
    });
    return finish(ctx, [claim, creation], groupId);
  });
}

/**
 * Changes a group. `change` may be computed from the current state (a
 * PATCH), and is re-computed if another writer got there first.
 */
export function changeGroup(
  ctx: CommandContext,
  groupId: string,
  change: GroupChange | ((state: GroupState) => GroupChange),
  ifMatch?: number,
): Promise<GroupCommandResult> {
  return retryOnConflict(async () => {
    const group = await loadGroup(ctx, groupId);
    requireRevision(group, ifMatch);
    requireExisting(group.state.status, 'group');
    const wanted = typeof change === 'function' ? change(group.state) : change;

    const decisions = [
      decide(group, groupDecider, { type: 'ChangeGroup', ...wanted }),
    ];
    if (wanted.displayName !== group.state.displayName) {
      decisions.push(...(await rename(ctx, group.state, wanted.displayName)));
    }
    return finish(ctx, decisions, groupId);
  });
}

export function deleteGroup(
  ctx: CommandContext,
  groupId: string,
  ifMatch?: number,
): Promise<GroupCommandResult> {
  return retryOnConflict(async () => {
    const group = await loadGroup(ctx, groupId);
    requireRevision(group, ifMatch);

    const deletion = decide(group, groupDecider, { type: 'DeleteGroup' });
    const { displayName } = group.state;
    const name = await loadName(ctx, displayName);
    const release = releaseName(name, 'groupName', displayName, groupId);
    return finish(ctx, [deletion, release], groupId);
  });
}

async function rename(
  ctx: CommandContext,
  state: GroupState,
  displayName: string,
): Promise<Decision[]> {
  const [oldName, newName] = await Promise.all([
    loadName(ctx, state.displayName),
    loadName(ctx, displayName),
  ]);
  if (oldName.stream === newName.stream) return [];

  const live = await holderIsLive(ctx, newName);
  return [
    releaseName(oldName, 'groupName', state.displayName, state.groupId),
    claimName(newName, 'groupName', displayName, state.groupId, live),
  ];
}

async function holderIsLive(
  ctx: CommandContext,
  name: LoadedStream<ReservationState>,
): Promise<boolean> {
  const ownerId = name.state.ownerId;
  if (!ownerId) return false;

  const holder = await loadGroup(ctx, ownerId);
  return holder.state.status === 'present';
}

function loadGroup(ctx: CommandContext, groupId: string) {
  return loadStream(
    ctx.store,
    streams.group(ctx.tenantId, groupId),
    groupDecider,
  );
}

function loadName(ctx: CommandContext, displayName: string) {
  return loadStream(
    ctx.store,
    streams.groupName(ctx.tenantId, displayName),
    reservationDecider,
  );
}

async function finish(
  ctx: CommandContext,
  decisions: Decision[],
  groupId: string,
): Promise<GroupCommandResult> {
  const result = await commit(ctx.store, decisions, ctx.request);
  return { ...result, groupId };
}
