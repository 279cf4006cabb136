import { ScimError } from '../errors/scim-error';
import type { Filter } from '../filter/filter-ast';
import { isJsonObject, type JsonObject } from '../resource/json-value';
import { groupSchemaUrn } from '../schema/schema-urns';
import type { PatchOperation, PatchPath } from './patch-operation';

const coreUrn = groupSchemaUrn.toLowerCase();

/** A group member as the membership table stores it. */
export interface Member {
  readonly value: string;
  readonly type?: 'User' | 'Group';
  readonly display?: string;
}

/**
 * Membership changes as deltas: apply `removed` first, then `added`, then
 * `resourceChanges` (the non-member operations) with `applyPatch`.
 */
export interface GroupPatchPlan {
  readonly added: Member[];
  readonly removed: string[] | 'all';
  readonly resourceChanges: PatchOperation[];
}

/** Tells whether a member id is in the group now. */
export type MembershipLookup = (memberId: string) => boolean;

interface State {
  readonly isMember: MembershipLookup;
  readonly added: Map<string, Member>;
  readonly removed: Set<string>;
  cleared: boolean;
}

/**
 * Splits a Group PATCH into member deltas and other operations, never
 * needing the full member list. @throws ScimError invalidValue, invalidPath
 */
export function planGroupPatch(
  operations: readonly PatchOperation[],
  isMember: MembershipLookup,
): GroupPatchPlan {
  const state: State = {
    isMember,
    added: new Map(),
    removed: new Set(),
    cleared: false,
  };
  const resourceChanges: PatchOperation[] = [];

  for (const operation of operations) {
    const rest = applyMemberPart(state, operation);
    if (rest) resourceChanges.push(rest);
  }

  return {
    added: [...state.added.values()],
    removed: state.cleared ? 'all' : [...state.removed],
    resourceChanges,
  };
}

function applyMemberPart(
  state: State,
  operation: PatchOperation,
): PatchOperation | undefined {
  const { op, path, value } = operation;
  if (path) {
    if (!isMembersPath(path)) return operation;
    applyMembers(state, op, value, path.filter, path.sub);
    return undefined;
  }
  if (!isJsonObject(value)) return operation;

  const split = splitMembers(value);
  if (!split) return operation;
  applyMembers(state, op, split.members, undefined, undefined);
  return Object.keys(split.others).length > 0
    ? { op, value: split.others }
    : undefined;
}

/** `members`, bare or under the Group schema's URN. */
function isMembersPath({ attribute }: PatchPath): boolean {
  const uri = attribute.uri?.toLowerCase();
  return (
    attribute.name.toLowerCase() === 'members' &&
    (uri === undefined || uri === coreUrn)
  );
}

/**
 * The members of a pathless value, under `members`, under its URN form,
 * or inside the Group schema's object; and the value without them.
 */
function splitMembers(
  value: JsonObject,
): { members: unknown; others: JsonObject } | undefined {
  for (const [key, inner] of Object.entries(value)) {
    const name = key.toLowerCase();
    if (name === 'members' || name === `${coreUrn}:members`) {
      return { members: inner, others: without(value, key) };
    }
    if (name !== coreUrn || !isJsonObject(inner)) continue;

    const nested = splitMembers(inner);
    if (!nested) continue;
    const others = without(value, key);
    if (Object.keys(nested.others).length > 0) others[key] = nested.others;
    return { members: nested.members, others };
  }
  return undefined;
}

function without(value: JsonObject, key: string): JsonObject {
  const { [key]: _dropped, ...others } = value;
  return others;
}

function applyMembers(
  state: State,
  op: PatchOperation['op'],
  value: unknown,
  filter: Filter | undefined,
  sub: string | undefined,
): void {
  // TODO(limit): member paths with a sub-attribute or a filter other than `value eq` are refused.
  if (sub !== undefined) throw unsupported();
  if (filter) {
    if (op !== 'remove') throw unsupported();
    return idsOfFilter(filter).forEach((id) => remove(state, id));
  }

  if (op === 'replace' || (op === 'remove' && value === undefined))
    clear(state);
  if (op === 'remove')
    return toMembers(value).forEach((m) => remove(state, m.value));
  toMembers(value).forEach((member) => add(state, member));
}

function add(state: State, member: Member): void {
  const pending = state.added.get(member.value);
  if (pending) {
    state.added.set(member.value, { ...pending, ...member });
    return;
  }

  const present =
    !state.cleared &&
    !state.removed.has(member.value) &&
    state.isMember(member.value);
  if (!present) state.added.set(member.value, member);
}

function remove(state: State, id: string): void {
  state.added.delete(id);
  if (!state.cleared && state.isMember(id)) state.removed.add(id);
}

function clear(state: State): void {
  state.cleared = true;
  state.added.clear();
  state.removed.clear();
}

function toMembers(value: unknown): Member[] {
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item) => item !== null).map(toMember);
}

function toMember(raw: unknown): Member {
  const object = isJsonObject(raw) ? raw : { value: raw as string };
  const value = object['value'];
  const type = memberType(object['type']);
  const display = object['display'];
  if (typeof value !== 'string' || value === '') {
    throw ScimError.badRequest('invalidValue', 'a member needs a string value');
  }

  return {
    value,
    ...(type ? { type } : {}),
    ...(typeof display === 'string' ? { display } : {}),
  };
}

/**
 * A member's `type` in any case as User or Group; undefined unless text.
 * @throws ScimError invalidValue for any other text
 */
export function memberType(raw: unknown): Member['type'] {
  if (typeof raw !== 'string') return undefined;

  const type = raw.toLowerCase();
  if (type === 'user') return 'User';
  if (type === 'group') return 'Group';
  throw ScimError.badRequest('invalidValue', 'a member type is User or Group');
}

function idsOfFilter(filter: Filter): string[] {
  if (filter.kind === 'or')
    return [...idsOfFilter(filter.left), ...idsOfFilter(filter.right)];
  const isValueEq =
    filter.kind === 'compare' &&
    filter.op === 'eq' &&
    filter.path.name.toLowerCase() === 'value' &&
    filter.path.sub === undefined;
  if (!isValueEq || filter.kind !== 'compare') throw unsupported();
  return [String(filter.value)];
}

function unsupported(): ScimError {
  return ScimError.badRequest(
    'invalidPath',
    'members paths support only [value eq "id"]',
  );
}
