import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { LeanConnection, leanPost } from './lean-connection';

function listen(server: Server | ReturnType<typeof createTcpServer>) {
  return new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve((server.address() as AddressInfo).port),
    ),
  );
}

describe('LeanConnection', () => {
  it('sends prepared requests one after another on one keep-alive socket', async () => {
    const seen: { body: string; auth: string | undefined; socket: unknown }[] =
      [];
    const server = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({
          body,
          auth: req.headers.authorization,
          socket: req.socket,
        });
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ echo: body.length, ü: 'é' }));
      });
    });
    const port = await listen(server);
    const url = new URL(`http://127.0.0.1:${port}/v1/check`);
    const connection = await LeanConnection.open(port);

    const first = await connection.send(
      leanPost(url, { authorization: 'Bearer t' }, '{"a":1}'),
    );
    const second = await connection.send(leanPost(url, {}, '{"bb":22}'));
    connection.close();
    server.close();

    expect(first).toEqual({ status: 200, body: '{"echo":7,"ü":"é"}' });
    expect(second).toEqual({ status: 200, body: '{"echo":9,"ü":"é"}' });
    expect(seen.map((s) => s.body)).toEqual(['{"a":1}', '{"bb":22}']);
    expect(seen[0]?.auth).toBe('Bearer t');
    expect(seen[1]?.socket).toBe(seen[0]?.socket);
  });

  it('reads an answer that arrives in pieces, and fails one without a length', async () => {
    let answers = 0;
    const server = createTcpServer((socket) => {
      socket.on('data', () => {
        answers++;
        if (answers === 1) {
          socket.write('HTTP/1.1 403 Forbidden\r\nContent-Le');
          setTimeout(() => socket.write('ngth: 5\r\n\r\nno'), 20);
          setTimeout(() => socket.write('pe!'), 40);
        } else {
          socket.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
        }
      });
    });
    const port = await listen(server);
    const url = new URL(`http://127.0.0.1:${port}/`);
    const connection = await LeanConnection.open(port);

    const pieced = await connection.send(leanPost(url, {}, '{}'));
    const unlengthed = connection.send(leanPost(url, {}, '{}'));
    await expect(unlengthed).rejects.toThrow(/without Content-Length/);
    connection.close();
    server.close();

    expect(pieced).toEqual({ status: 403, body: 'nope!' });
  });

  it('fails a request at once on a connection the server has closed', async () => {
    const server = createHttpServer((req, res) => {
      req.resume();
      res.setHeader('Connection', 'close');
      res.end('{}');
    });
    const port = await listen(server);
    const url = new URL(`http://127.0.0.1:${port}/`);
    const connection = await LeanConnection.open(port);

    const first = await connection.send(leanPost(url, {}, '{}'));
    while (connection.open) await new Promise((r) => setTimeout(r, 5));
    const second = connection.send(leanPost(url, {}, '{}'));
    await expect(second).rejects.toThrow(/connection closed/);
    server.close();

    expect(first.status).toBe(200);
  });
});
