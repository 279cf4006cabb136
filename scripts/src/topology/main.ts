import { startTopology } from './start-topology';

/**
 * `pnpm topology`: the production topology on this machine (local
 * PostgreSQL and Redis), until Ctrl-C. Prints where each service listens.
 */
async function main(): Promise<void> {
  const ingresses = Number(process.env['TOPOLOGY_INGRESSES'] ?? '1');
  const projectors = Number(process.env['TOPOLOGY_PROJECTORS'] ?? '1');
  const topology = await startTopology({
    ingresses,
    projectors,
    env: rosterSettings(process.env),
  });

  console.log(
    JSON.stringify(
      {
        ...topology.urls,
        database: topology.databaseUrl,
        queuePrefix: topology.queuePrefix,
        adminToken: topology.adminToken,
      },
      null,
      2,
    ),
  );
  console.log('Ctrl-C stops the services and drops the database.');

  const stop = () => {
    topology.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // TODO(limit): a terminal's Ctrl-C reaches the services too, and the
  // database may outlive them (README, Known limits); SIGTERM cleans up.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The ROSTER_* settings of this shell, passed on to every service. */
function rosterSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith('ROSTER_') && entry[1] !== undefined,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
