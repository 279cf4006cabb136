import { tenantDecider } from '@roster/domain';
import type { TenantCommand } from '@roster/domain';
import { commit, decide } from '../commit';
import type { CommitResult } from '../commit';
import { loadStream } from '../loaded-stream';
import { retryOnConflict } from '../retry-on-conflict';
import { streams } from '../streams';
import type { CommandContext } from './command-context';

/** Runs one command on the tenant's own stream. */
export function runTenantCommand(
  ctx: CommandContext,
  command: TenantCommand,
): Promise<CommitResult> {
  return retryOnConflict(async () => {
    const stream = streams.tenant(ctx.tenantId);
    const tenant = await loadStream(ctx.store, stream, tenantDecider);
    const decision = decide(tenant, tenantDecider, command);
    return commit(ctx.store, [decision], ctx.request);
  });
}
