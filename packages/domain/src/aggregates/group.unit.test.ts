import { given } from '../testing/given';
import type { DomainEvent } from '../events/catalog';
import { groupDecider } from './group';

const created: DomainEvent = {
  type: 'GroupCreated',
  data: {
    groupId: 'g-1',
    displayName: 'Sales',
    resource: { displayName: 'Sales' },
  },
};
const withAnnAndBob: DomainEvent = {
  type: 'GroupMembershipChanged',
  data: {
    groupId: 'g-1',
    added: [
      { value: 'u-1', type: 'User' },
      { value: 'u-2', type: 'User' },
    ],
    removed: [],
  },
};

describe('group decider', () => {
  it('creates a group with its first members, each once', () => {
    given(groupDecider)
      .when({
        type: 'CreateGroup',
        groupId: 'g-1',
        displayName: 'Sales',
        resource: { displayName: 'Sales' },
        members: [
          { value: 'u-1', type: 'User' },
          { value: 'u-2', type: 'User' },
          { value: 'u-1', type: 'User' },
        ],
      })
      .then([created, withAnnAndBob]);
  });

  it('records only real membership changes as deltas', () => {
    given(groupDecider, [created, withAnnAndBob])
      .when({
        type: 'ChangeGroup',
        displayName: 'Sales',
        resource: { displayName: 'Sales' },
        added: [
          { value: 'u-1', type: 'User' },
          { value: 'g-2', type: 'Group' },
        ],
        removed: ['u-2', 'u-9'],
      })
      .then([
        {
          type: 'GroupMembershipChanged',
          data: {
            groupId: 'g-1',
            added: [{ value: 'g-2', type: 'Group' }],
            removed: ['u-2'],
          },
        },
      ]);
  });

  it('renames without touching members', () => {
    given(groupDecider, [created, withAnnAndBob])
      .when({
        type: 'ChangeGroup',
        displayName: 'Revenue',
        resource: { displayName: 'Sales' },
        added: [],
        removed: [],
      })
      .then([
        {
          type: 'GroupRenamed',
          data: {
            groupId: 'g-1',
            previousDisplayName: 'Sales',
            displayName: 'Revenue',
          },
        },
      ]);
  });

  it('removes every member on request', () => {
    given(groupDecider, [created, withAnnAndBob])
      .when({
        type: 'ChangeGroup',
        displayName: 'Sales',
        resource: { displayName: 'Sales' },
        added: [],
        removed: 'all',
      })
      .then([
        {
          type: 'GroupMembershipChanged',
          data: { groupId: 'g-1', added: [], removed: ['u-1', 'u-2'] },
        },
      ]);
  });

  it('deletes once and then refuses changes', () => {
    const deleted: DomainEvent = {
      type: 'GroupDeleted',
      data: { groupId: 'g-1', displayName: 'Sales' },
    };
    given(groupDecider, [created])
      .when({ type: 'DeleteGroup' })
      .then([deleted]);
    given(groupDecider, [created, deleted])
      .when({ type: 'DeleteGroup' })
      .thenFails('deleted');
  });
});
