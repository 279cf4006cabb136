import { roleCatalogDecider } from '@roster/domain';
import type { RoleCatalogCommand } from '@roster/domain';
import { commit, decide } from '../commit';
import type { CommitResult } from '../commit';
import { loadStream } from '../loaded-stream';
import { retryOnConflict } from '../retry-on-conflict';
import { streams } from '../streams';
import type { CommandContext } from './command-context';

/** Runs one command on the tenant's role catalog: roles and mappings. */
export function runRoleCommand(
  ctx: CommandContext,
  command: RoleCatalogCommand,
): Promise<CommitResult> {
  return retryOnConflict(async () => {
    const stream = streams.roles(ctx.tenantId);
    const catalog = await loadStream(ctx.store, stream, roleCatalogDecider);
    const decision = decide(catalog, roleCatalogDecider, command);
    return commit(ctx.store, [decision], ctx.request);
  });
}
