import { startChild, waitForHttp } from './child-server';
import { freePort } from './free-port';

export interface PeerServer {
  readonly baseUrl: string;
  readonly pids: readonly number[];
  stop(): Promise<void>;
}

/** Starts the SCIMMY peer (peer-main.ts) on a loopback port. */
export async function startPeer(): Promise<PeerServer> {
  const port = await freePort();
  const server = startChild({
    entry: 'scripts/src/bench/peer-main.ts',
    env: { PORT: String(port), NODE_ENV: 'production' },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(server, `${baseUrl}/healthz`).catch(async (error) => {
    await server.stop();
    throw error;
  });

  return {
    baseUrl,
    pids: [server.pid],
    stop: async () => {
      await server.stop();
    },
  };
}
