import { startTopology } from '../topology/index';
import { benchLimits } from './bench-limits';
import { writeProfilePreload } from './profile-preload';
import { benchPostgresUrl } from './scratch-database';
import type { RosterOptions, RosterServer } from './roster-server';

/**
 * Production as separate processes: one SCIM ingress, the access API and
 * one projector over a fresh PostgreSQL database and Redis.
 */
export async function startTopologyServer(
  cpuProfileDir: string | undefined,
  seed: RosterOptions['seed'],
): Promise<RosterServer> {
  const env: Record<string, string> = { LOG_LEVEL: 'warn', ...benchLimits };
  if (cpuProfileDir) {
    const preload = await writeProfilePreload(cpuProfileDir);
    env['NODE_OPTIONS'] = `--require ${preload}`;
  }
  const topology = await startTopology({ env, adminUrl: benchPostgresUrl() });
  await seed?.(['--postgres', topology.databaseUrl]).catch(async (error) => {
    await topology.stop();
    throw error;
  });
  const pids = topology
    .names()
    .map((name) => topology.process(name).child.pid ?? 0);

  return {
    mode: 'production',
    scimUrl: topology.urls.ingress[0] ?? '',
    accessUrl: topology.urls.access,
    adminToken: topology.adminToken,
    pids,
    topology:
      'separate processes (scim-ingress, access-api, projector) over PostgreSQL and Redis, via scripts/src/topology',
    databaseUrl: topology.databaseUrl,
    output: () =>
      topology
        .names()
        .map((name) => `== ${name}\n${topology.process(name).output()}`)
        .join('\n'),
    stop: () => topology.stop(),
  };
}
