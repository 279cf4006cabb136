const userUrn = 'urn:ietf:params:scim:schemas:core:2.0:User';
const groupUrn = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const patchUrn = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export type ClientStyle = 'entra' | 'okta';

/** A user as an IdP creates it. */
export function userBody(userName: string, externalId: string): object {
  return {
    schemas: [userUrn],
    externalId,
    userName,
    active: true,
    displayName: `Bench ${externalId}`,
    name: { givenName: 'Bench', familyName: externalId },
    emails: [{ primary: true, type: 'work', value: userName }],
  };
}

/** Okta's PUT: the whole user again. */
export function userPutBody(userName: string, externalId: string, n: number) {
  return {
    ...userBody(userName, externalId),
    displayName: `Bench ${externalId} v${n}`,
    title: `Title ${n}`,
  };
}

export function groupBody(displayName: string): object {
  return { schemas: [groupUrn], displayName, members: [] };
}

export function filterPath(resource: string, attribute: string, value: string) {
  const filter = encodeURIComponent(`${attribute} eq "${value}"`);
  return `/${resource}?filter=${filter}`;
}

/** A user attribute change as each client writes it. */
export function userPatch(style: ClientStyle, n: number): object {
  if (style === 'entra') {
    return patchOf([
      { op: 'Replace', path: 'displayName', value: `Changed ${n}` },
      { op: 'Replace', path: 'title', value: `Title ${n}` },
    ]);
  }
  return patchOf([{ op: 'replace', value: { displayName: `Changed ${n}` } }]);
}

/** Deactivation as each client sends it. */
export function deactivatePatch(style: ClientStyle): object {
  if (style === 'entra') {
    return patchOf([{ op: 'Replace', path: 'active', value: 'False' }]);
  }
  return patchOf([{ op: 'replace', value: { active: false } }]);
}

export function addMembers(style: ClientStyle, ids: readonly string[]) {
  const op = style === 'entra' ? 'Add' : 'add';
  const value = ids.map((id) => ({ value: id }));
  return patchOf([{ op, path: 'members', value }]);
}

export function removeMember(style: ClientStyle, id: string): object {
  if (style === 'entra') {
    return patchOf([{ op: 'Remove', path: 'members', value: [{ value: id }] }]);
  }
  return patchOf([{ op: 'remove', path: `members[value eq "${id}"]` }]);
}

export function patchOf(operations: object[]): object {
  return { schemas: [patchUrn], Operations: operations };
}
