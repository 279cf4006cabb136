import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import type { DomainEvent } from '../events/catalog';

export type TokenKind = 'scim' | 'service';

export type TenantCommand =
  | {
      readonly type: 'CreateTenant';
      readonly tenantId: string;
      readonly name: string;
    }
  | {
      readonly type: 'IssueToken';
      readonly kind: TokenKind;
      readonly tokenId: string;
      readonly tokenHash: string;
      readonly label?: string;
    }
  | {
      readonly type: 'RevokeToken';
      readonly kind: TokenKind;
      readonly tokenId: string;
    };

export interface TenantState {
  readonly exists: boolean;
  readonly name: string;
  /** Live token ids by kind; revoked ones are gone. */
  readonly tokens: ReadonlyMap<string, TokenKind>;
}

export const tenantDecider: Decider<TenantCommand, TenantState> = {
  initialState: { exists: false, name: '', tokens: new Map() },
  evolve: evolveTenant,
  decide: decideTenant,
};

function decideTenant(
  command: TenantCommand,
  state: TenantState,
): DomainEvent[] {
  if (command.type === 'CreateTenant') {
    if (state.exists) {
      throw new DomainError(
        'already-exists',
        `tenant ${command.tenantId} exists`,
      );
    }
    const { tenantId, name } = command;
    return [{ type: 'TenantCreated', data: { tenantId, name } }];
  }

  if (!state.exists) throw new DomainError('not-found', 'tenant not found');

  if (command.type === 'IssueToken') {
    const { tokenId, tokenHash, label } = command;
    const type =
      command.kind === 'scim' ? 'ScimTokenIssued' : 'ServiceTokenIssued';
    const data =
      label === undefined
        ? { tokenId, tokenHash }
        : { tokenId, tokenHash, label };
    return [{ type, data }];
  }

  if (state.tokens.get(command.tokenId) !== command.kind) {
    throw new DomainError('not-found', `token ${command.tokenId} not found`);
  }
  const type =
    command.kind === 'scim' ? 'ScimTokenRevoked' : 'ServiceTokenRevoked';
  return [{ type, data: { tokenId: command.tokenId } }];
}

function evolveTenant(state: TenantState, event: DomainEvent): TenantState {
  switch (event.type) {
    case 'TenantCreated':
      return { ...state, exists: true, name: event.data.name };
    case 'ScimTokenIssued':
      return withToken(state, event.data.tokenId, 'scim');
    case 'ServiceTokenIssued':
      return withToken(state, event.data.tokenId, 'service');
    case 'ScimTokenRevoked':
    case 'ServiceTokenRevoked':
      return withToken(state, event.data.tokenId, undefined);
    default:
      return state;
  }
}

function withToken(
  state: TenantState,
  tokenId: string,
  kind: TokenKind | undefined,
): TenantState {
  const tokens = new Map(state.tokens);
  if (kind === undefined) tokens.delete(tokenId);
  else tokens.set(tokenId, kind);
  return { ...state, tokens };
}
