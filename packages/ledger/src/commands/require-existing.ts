import { DomainError } from '@roster/domain';

/**
 * Refuses a change to an aggregate that is not there, before the change
 * is computed from its (empty) state.
 * @throws DomainError('not-found' | 'deleted')
 */
export function requireExisting(
  status: 'absent' | 'present' | 'deleted',
  kind: 'user' | 'group',
): void {
  if (status === 'absent')
    throw new DomainError('not-found', `${kind} not found`);
  if (status === 'deleted')
    throw new DomainError('deleted', `${kind} was deleted`);
}
