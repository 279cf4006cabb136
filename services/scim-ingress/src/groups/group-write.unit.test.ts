import { ScimError, type Member } from '@roster/scim';
import { toMemberRef } from './group-write';

describe('toMemberRef', () => {
  it('reads the member type in any case, User when absent', () => {
    const refs = [
      { value: 'a', type: 'user' },
      { value: 'b', type: 'GROUP' },
      { value: 'c' },
    ].map((member) => toMemberRef(member as Member));

    expect(refs).toEqual([
      { value: 'a', type: 'User' },
      { value: 'b', type: 'Group' },
      { value: 'c', type: 'User' },
    ]);
  });

  it('refuses another type with a SCIM error', () => {
    const device = { value: 'd', type: 'Device' } as unknown as Member;

    expect(() => toMemberRef(device)).toThrow(ScimError);
    expect(() => toMemberRef(device)).toThrow('a member type is User or Group');
  });
});
