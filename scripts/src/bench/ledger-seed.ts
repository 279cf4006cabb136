import { randomUUID } from 'node:crypto';
import type {
  Decider,
  MemberRef,
  RequestContext,
} from '../../../packages/domain/src/index';
import {
  groupDecider,
  reservationDecider,
  userDecider,
} from '../../../packages/domain/src/index';
import type {
  EventStore,
  Position,
} from '../../../packages/event-store/src/index';
import { maxPosition, START } from '../../../packages/event-store/src/index';
import type { Decision } from '../../../packages/ledger/src/index';
import {
  claimName,
  commit,
  decide,
  decideSequence,
  runTenantCommand,
  streams,
} from '../../../packages/ledger/src/index';
import {
  groupResourceType,
  normaliseResource,
  userResourceType,
} from '../../../packages/scim/src/index';
import { hashToken } from '../../../packages/service-kit/src/index';
import { toUserWrite } from '../../../services/scim-ingress/src/users/user-write';
import { groupBody, userBody } from './scim-bodies';

/** Members per group event, as the bench's fill PATCHes send them. */
const membersPerEvent = 1000;

/**
 * Writes through the ledger what the ingress and the admin API would have
 * written for the same requests, many commands per append, without HTTP
 * and without waiting for the projections.
 */
export class LedgerSeed {
  #position: Position = START;

  /** `prepareKeys` makes the personal-data keys of a batch at once. */
  constructor(
    private readonly store: EventStore,
    private readonly tenantId: string,
    private readonly prepareKeys?: (
      tenantId: string,
      userIds: readonly string[],
    ) => Promise<void>,
  ) {}

  /** Position of the last event written so far. */
  get position(): Position {
    return this.#position;
  }

  /** The tenant and one SCIM token for it (CreateTenant, IssueToken). */
  async createTenant(scimToken: string): Promise<void> {
    const ctx = this.#context();
    const create = { type: 'CreateTenant', tenantId: this.tenantId } as const;
    this.#advance(
      await runTenantCommand(ctx, { ...create, name: this.tenantId }),
    );

    const issued = await runTenantCommand(ctx, {
      type: 'IssueToken',
      kind: 'scim',
      tokenId: randomUUID(),
      tokenHash: hashToken(scimToken),
      label: 'bench seed',
    });
    this.#advance(issued);
  }

  /** One POST /Users each (claim of the userName, UserProvisioned), all in one append. */
  async createUsers(
    users: readonly { userName: string; externalId: string }[],
  ): Promise<string[]> {
    const ids: string[] = [];
    const decisions: Decision[] = [];
    for (const user of users) {
      const body = userBody(user.userName, user.externalId);
      const write = toUserWrite(
        normaliseResource(body, userResourceType),
        true,
      );
      const userId = randomUUID();
      const name = fresh(
        streams.userName(this.tenantId, write.userName),
        reservationDecider,
      );
      decisions.push(
        claimName(name, 'userName', write.userName, userId, false),
      );
      const user_ = fresh(streams.user(this.tenantId, userId), userDecider);
      decisions.push(
        decide(user_, userDecider, {
          type: 'ProvisionUser',
          userId,
          origin: 'scim',
          ...write,
        }),
      );
      ids.push(userId);
    }
    await this.prepareKeys?.(this.tenantId, ids);
    await this.#commit(decisions);
    return ids;
  }

  /**
   * A POST /Groups with the first 1,000 members, then one PATCH adding
   * each further 1,000, as events of one append.
   */
  async createGroup(
    displayName: string,
    members: readonly string[],
  ): Promise<string> {
    const groupId = randomUUID();
    const resource = normaliseResource(
      groupBody(displayName),
      groupResourceType,
    );
    const { members: _none, ...stored } = resource;
    const refs: MemberRef[] = members.map((value) => ({ value, type: 'User' }));

    const name = fresh(
      streams.groupName(this.tenantId, displayName),
      reservationDecider,
    );
    const group = fresh(streams.group(this.tenantId, groupId), groupDecider);
    const chunks = chunked(refs, membersPerEvent);
    const creation = decideSequence(group, groupDecider, [
      {
        type: 'CreateGroup',
        groupId,
        displayName,
        resource: stored,
        members: chunks[0] ?? [],
      },
      ...chunks.slice(1).map((added) => ({
        type: 'ChangeGroup' as const,
        displayName,
        resource: stored,
        added,
        removed: [],
      })),
    ]);
    await this.#commit([
      claimName(name, 'groupName', displayName, groupId, false),
      creation,
    ]);
    return groupId;
  }

  async #commit(decisions: readonly Decision[]): Promise<void> {
    this.#advance(await commit(this.store, decisions, this.#context().request));
  }

  #advance(result: { position: Position }): void {
    this.#position = maxPosition(this.#position, result.position);
  }

  #context() {
    const requestId = randomUUID();
    const request: RequestContext = {
      tenantId: this.tenantId,
      actor: { kind: 'system', id: 'bench-seed' },
      requestId,
      correlationId: requestId,
    };
    return {
      store: this.store,
      tenantId: this.tenantId,
      request,
      newId: randomUUID,
    };
  }
}

function fresh<State>(
  stream: string,
  decider: Decider<never, State> | Pick<Decider<never, State>, 'initialState'>,
) {
  return {
    stream,
    state: decider.initialState,
    revision: null,
    lastHash: null,
  };
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) {
    chunks.push(items.slice(at, at + size));
  }
  return chunks;
}
