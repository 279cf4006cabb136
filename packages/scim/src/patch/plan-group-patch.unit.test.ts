import { parsePatchRequest } from './parse-patch-request';
import { planGroupPatch } from './plan-group-patch';

const current = new Set(['u-1', 'u-2']);
const isMember = (id: string): boolean => current.has(id);

function plan(operations: unknown[]): ReturnType<typeof planGroupPatch> {
  return planGroupPatch(
    parsePatchRequest({ Operations: operations }),
    isMember,
  );
}

describe('planGroupPatch', () => {
  it('turns member operations into deltas and keeps the rest', () => {
    const result = plan([
      {
        op: 'Add',
        path: 'members',
        value: [{ value: 'u-2' }, { value: 'u-3', $ref: null, type: 'user' }],
      },
      {
        op: 'Remove',
        path: 'members',
        value: [{ value: 'u-1' }, { value: 'u-9' }],
      },
      { op: 'Replace', value: { id: 'g-1', displayName: 'New' } },
    ]);

    expect(result).toEqual({
      added: [{ value: 'u-3', type: 'User' }],
      removed: ['u-1'],
      resourceChanges: [
        { op: 'replace', value: { id: 'g-1', displayName: 'New' } },
      ],
    });
  });

  it('removes by filter, and all members without a value', () => {
    expect(plan([{ op: 'remove', path: 'members[value eq "u-2"]' }])).toEqual({
      added: [],
      removed: ['u-2'],
      resourceChanges: [],
    });
    expect(
      plan([
        { op: 'remove', path: 'members' },
        { op: 'add', path: 'members', value: [{ value: 'u-1' }] },
      ]),
    ).toEqual({
      added: [{ value: 'u-1' }],
      removed: 'all',
      resourceChanges: [],
    });
  });

  it('splits members out of a pathless add', () => {
    const result = plan([
      { op: 'add', value: { members: [{ value: 'u-5' }], displayName: 'X' } },
    ]);

    expect(result).toEqual({
      added: [{ value: 'u-5' }],
      removed: [],
      resourceChanges: [{ op: 'add', value: { displayName: 'X' } }],
    });
  });

  it('takes members under the Group schema URN, by path and pathless', () => {
    const urn = 'urn:ietf:params:scim:schemas:core:2.0:Group';
    const byPath = plan([
      { op: 'add', path: `${urn}:members`, value: [{ value: 'u-4' }] },
      { op: 'remove', path: `${urn}:members[value eq "u-2"]` },
    ]);
    const qualifiedKey = plan([
      { op: 'replace', value: { [`${urn}:members`]: [{ value: 'u-6' }] } },
    ]);
    const nested = plan([
      {
        op: 'add',
        value: { [urn]: { members: [{ value: 'u-7' }], displayName: 'Y' } },
      },
    ]);

    expect(byPath).toEqual({
      added: [{ value: 'u-4' }],
      removed: ['u-2'],
      resourceChanges: [],
    });
    expect(qualifiedKey).toEqual({
      added: [{ value: 'u-6' }],
      removed: 'all',
      resourceChanges: [],
    });
    expect(nested).toEqual({
      added: [{ value: 'u-7' }],
      removed: [],
      resourceChanges: [{ op: 'add', value: { [urn]: { displayName: 'Y' } } }],
    });
  });
});
