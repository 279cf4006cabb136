import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeadlineWatch } from './deadline-watch';

describe('DeadlineWatch', () => {
  it('answers only the responses still open at their deadline, once each, soon after it', async () => {
    const lateAt: number[] = [];
    let hangSent = Number.NaN;
    const watch = new DeadlineWatch(100, (res: ServerResponse) => {
      lateAt.push(performance.now() - hangSent);
      res.statusCode = 503;
      res.end();
    });
    const server = createServer((req, res) => {
      watch.watch(res);
      if (req.url !== '/hang') res.end('ok');
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const quick = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${base}/quick`)),
    );
    hangSent = performance.now();
    const hung = await fetch(`${base}/hang`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.close();

    expect(quick.map((reply) => reply.status)).toEqual(Array(20).fill(200));
    expect(hung.status).toBe(503);
    expect(lateAt).toHaveLength(1);
    expect(lateAt[0]).toBeGreaterThanOrEqual(100);
    expect(lateAt[0]).toBeLessThan(300);
  });
});
