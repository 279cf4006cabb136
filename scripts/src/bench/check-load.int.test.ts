import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closedLoad, steadyLoad } from './check-load';
import { LatencyRecorder } from './latency-recorder';

/** A check route that allows the first `allowedUntil` requests only. */
async function checkServer(allowedUntil: number): Promise<Server> {
  let seen = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const allowed = ++seen <= allowedUntil;
      const body = JSON.stringify({ allowed, sources: [] });
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Content-Length', Buffer.byteLength(body));
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function loadOn(server: Server, label: string) {
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/tenants/t/check`,
    token: 'test',
    bodies: ['{"userId":"u","permission":"p"}'],
    connections: 4,
    seconds: 1,
    label,
    allowedPerAnswer: 1,
  };
}

describe('check load generator (in a process of its own)', () => {
  it('sends a steady rate, counts only after the warm-up, and times every answer', async () => {
    const server = await checkServer(Number.MAX_SAFE_INTEGER);
    const recorder = new LatencyRecorder();

    const outcome = await steadyLoad(
      { ...loadOn(server, 'steady'), perSecond: 200, warmUpSeconds: 0.5 },
      recorder,
    );
    server.close();

    const summary = recorder.summary('steady');
    expect(outcome.answered).toBe(200);
    expect(summary.count).toBe(200);
    expect(summary.errors).toBe(0);
    expect(summary.p50).toBeGreaterThan(0);
  });

  it('counts a denied answer as a failure, never as a latency', async () => {
    const server = await checkServer(10);
    const recorder = new LatencyRecorder();

    const outcome = await closedLoad(loadOn(server, 'closed'), recorder);
    server.close();

    const summary = recorder.summary('closed');
    expect(outcome.answered).toBe(10);
    expect(summary.count).toBe(10);
    expect(summary.errors).toBeGreaterThan(100);
    expect(recorder.firstErrors()[0]).toContain('unexpected answer');
  });
});
