import { startTopology } from './start-topology';

/**
 * `pnpm topology`: the production topology on this machine (local
 * PostgreSQL and Redis), until Ctrl-C. Prints where each service listens.
 */
async function main(): Promise<void> {
  const ingresses = Number(process.env['TOPOLOGY_INGRESSES'] ?? '1');
  const projectors = Number(process.env['TOPOLOGY_PROJECTORS'] ?? '1');
  const topology = await startTopology({ ingresses, projectors });

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
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
