import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import type { DomainEvent } from '../events/catalog';
import type { MappingSource } from '../events/role-events';
import { canonicalJson } from '../hash-chain';

export type RoleCatalogCommand =
  | {
      readonly type: 'DefineRole';
      readonly role: string;
      readonly permissions: readonly string[];
    }
  | { readonly type: 'RemoveRole'; readonly role: string }
  | {
      readonly type: 'MapRole';
      readonly mappingId: string;
      readonly role: string;
      readonly source: MappingSource;
    }
  | { readonly type: 'UnmapRole'; readonly mappingId: string };

export interface RoleMapping {
  readonly role: string;
  readonly source: MappingSource;
}

export interface RoleCatalogState {
  readonly roles: ReadonlyMap<string, readonly string[]>;
  readonly mappings: ReadonlyMap<string, RoleMapping>;
}

export const roleCatalogDecider: Decider<RoleCatalogCommand, RoleCatalogState> =
  {
    initialState: { roles: new Map(), mappings: new Map() },
    evolve: evolveCatalog,
    decide: decideCatalog,
  };

function decideCatalog(
  command: RoleCatalogCommand,
  state: RoleCatalogState,
): DomainEvent[] {
  switch (command.type) {
    case 'DefineRole':
      return defineRole(command.role, command.permissions, state);
    case 'RemoveRole':
      return removeRole(command.role, state);
    case 'MapRole':
      return mapRole(command, state);
    case 'UnmapRole':
      if (!state.mappings.has(command.mappingId)) {
        throw new DomainError(
          'not-found',
          `mapping ${command.mappingId} not found`,
        );
      }
      return [{ type: 'RoleUnmapped', data: { mappingId: command.mappingId } }];
  }
}

function defineRole(
  role: string,
  requested: readonly string[],
  state: RoleCatalogState,
): DomainEvent[] {
  const permissions = [...new Set(requested)].sort();
  const current = state.roles.get(role);
  if (current && current.join('\n') === permissions.join('\n')) return [];

  return [{ type: 'RoleDefined', data: { role, permissions } }];
}

function removeRole(role: string, state: RoleCatalogState): DomainEvent[] {
  if (!state.roles.has(role)) {
    throw new DomainError('not-found', `role ${role} not found`);
  }

  const unmapped: DomainEvent[] = [...state.mappings]
    .filter(([, mapping]) => mapping.role === role)
    .map(([mappingId]) => ({ type: 'RoleUnmapped', data: { mappingId } }));
  return [...unmapped, { type: 'RoleRemoved', data: { role } }];
}

function mapRole(
  command: Extract<RoleCatalogCommand, { type: 'MapRole' }>,
  state: RoleCatalogState,
): DomainEvent[] {
  const { mappingId, role, source } = command;
  if (!state.roles.has(role)) {
    throw new DomainError('not-found', `role ${role} not found`);
  }

  const key = canonicalJson({ role, source: normaliseSource(source) });
  for (const [existingId, mapping] of state.mappings) {
    const existing = canonicalJson({
      role: mapping.role,
      source: normaliseSource(mapping.source),
    });
    if (existing === key) {
      throw new DomainError('already-exists', 'this mapping exists', {
        mappingId: existingId,
      });
    }
  }
  return [{ type: 'RoleMapped', data: { mappingId, role, source } }];
}

/** Group names match case-insensitively, as the IdPs treat them. */
export function normaliseSource(source: MappingSource): MappingSource {
  return source.kind === 'groupDisplayName'
    ? { kind: source.kind, displayName: source.displayName.toLowerCase() }
    : source;
}

function evolveCatalog(
  state: RoleCatalogState,
  event: DomainEvent,
): RoleCatalogState {
  switch (event.type) {
    case 'RoleDefined': {
      const roles = new Map(state.roles).set(
        event.data.role,
        event.data.permissions,
      );
      return { ...state, roles };
    }
    case 'RoleRemoved': {
      const roles = new Map(state.roles);
      roles.delete(event.data.role);
      return { ...state, roles };
    }
    case 'RoleMapped': {
      const { mappingId, role, source } = event.data;
      const mappings = new Map(state.mappings).set(mappingId, { role, source });
      return { ...state, mappings };
    }
    case 'RoleUnmapped': {
      const mappings = new Map(state.mappings);
      mappings.delete(event.data.mappingId);
      return { ...state, mappings };
    }
    default:
      return state;
  }
}
