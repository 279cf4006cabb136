import type { MemberRef } from '@roster/domain';
import type { GroupChange } from '@roster/ledger';
import type { GroupPatchPlan, Member } from '@roster/scim';
import { memberType, ScimError } from '@roster/scim';
import { assertIndexable } from '../indexed-text';

const notStored = new Set(['id', 'meta', 'members']);

/** The attributes of a group that its own stream keeps as one value. */
export function storedGroupResource(
  resource: Record<string, unknown>,
): Record<string, unknown> {
  assertIndexable('externalId', resource['externalId']);
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => !notStored.has(key)),
  );
}

export function displayNameOf(resource: Record<string, unknown>): string {
  const name = resource['displayName'];
  if (typeof name !== 'string' || name.trim() === '') {
    throw ScimError.badRequest('invalidValue', 'a group needs a displayName');
  }
  assertIndexable('displayName', name);
  return name;
}

// TODO(limit): a member sent without `type` is taken to be a User.
/** @throws ScimError invalidValue for a type other than User or Group */
export function toMemberRef(member: Member): MemberRef {
  return { value: member.value, type: memberType(member.type) ?? 'User' };
}

/** The members of a validated POST or PUT body. */
export function membersOf(resource: Record<string, unknown>): MemberRef[] {
  const members = resource['members'];
  if (!Array.isArray(members)) return [];
  return members.map((member) => toMemberRef(member as Member));
}

/** A PATCH plan as a group change: member deltas plus the new resource. */
export function changeFromPlan(
  plan: GroupPatchPlan,
  resource: Record<string, unknown>,
): GroupChange {
  return {
    displayName: displayNameOf(resource),
    resource: storedGroupResource(resource),
    added: plan.added.map(toMemberRef),
    removed: plan.removed,
  };
}
