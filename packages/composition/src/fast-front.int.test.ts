import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import express from 'express';
import request from 'supertest';
import { openAccessApp, type AccessApp } from '@roster/access-api/testing';
import { tenantActions } from '@roster/projection-effective-permissions/testing';
import { createLogger, type FastRoute } from '@roster/service-kit';
import { fastFront } from './fast-front';
import { serve } from './serve';

jest.setTimeout(60_000);

let api: AccessApp;
let server: Server;
let base: string;
let op: string;

beforeAll(async () => {
  api = await openAccessApp();
  op = `Bearer ${api.operatorToken}`;
  const front = { log: createLogger('silent'), metrics: api.metrics };
  server = await listen(
    fastFront([api.checkRoute], { ...front, requestTimeoutMs: 30_000 }),
  );
  base = urlOf(server);
});

afterAll(async () => {
  server.close();
  await api.close();
});

function listen(ahead: ReturnType<typeof fastFront>): Promise<Server> {
  const options = { port: 0, host: '127.0.0.1', requestTimeoutMs: 30_000 };
  return serve(api.app, { ...options, ahead });
}

function urlOf(listening: Server): string {
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

function post(path: string, body: string, headers: Record<string, string>) {
  const init = { method: 'POST', body, headers };
  return fetch(`${base}${path}`, init);
}

const json = { 'content-type': 'application/json', authorization: '' };

describe('checks served ahead of express', () => {
  it('answers as the express route does, with the same front and metrics', async () => {
    const a = tenantActions(api.harness, await api.harness.tenant());
    const ann = await a.user('ann');
    await a.grant(ann, 'docs:read');
    const body = JSON.stringify({ userId: ann, permission: 'docs:read' });
    const trace = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    const fast = await post(`/v1/tenants/${a.tenantId}/check`, body, {
      ...json,
      authorization: op,
      traceparent: trace,
    });
    const viaExpress = await request(api.app)
      .post(`/v1/tenants/${a.tenantId}/check`)
      .set('Authorization', op)
      .send(body)
      .set('Content-Type', 'application/json');

    expect(fast.status).toBe(200);
    expect(await fast.json()).toEqual(viaExpress.body);
    expect(fast.headers.get('content-type')).toBe(
      viaExpress.headers['content-type'],
    );
    expect(fast.headers.get('x-content-type-options')).toBe('nosniff');
    expect(fast.headers.get('cache-control')).toBe('no-store');
    expect(fast.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(fast.headers.get('traceparent')).toMatch(
      /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/,
    );
    expect(await api.metrics.registry.metrics()).toMatch(
      /roster_http_requests_total\{route="\/v1\/tenants\/:tenantId\/check",method="POST",status="200"\} [1-9]/,
    );
  });

  it('denies the first check after a deactivation returned', async () => {
    const a = tenantActions(api.harness, await api.harness.tenant());
    const ann = await a.user('ann');
    await a.grant(ann, 'docs:read');
    const body = JSON.stringify({ userId: ann, permission: 'docs:read' });
    const path = `/v1/tenants/${a.tenantId}/check`;
    const auth = { ...json, authorization: op };
    expect(await (await post(path, body, auth)).json()).toMatchObject({
      allowed: true,
    });

    await a.setActive(ann, false);

    expect(await (await post(path, body, auth)).json()).toMatchObject({
      allowed: false,
      reason: 'user-inactive',
    });
  });

  it('refuses with problems, never with an answer', async () => {
    const tenantId = await api.harness.tenant();
    const path = `/v1/tenants/${tenantId}/check`;
    const good = JSON.stringify({ userId: 'u', permission: 'p' });
    const auth = { ...json, authorization: op };

    const refusals = [
      await post(path, good, { 'content-type': 'application/json' }),
      await post(path, good, { ...auth, 'content-type': 'text/plain' }),
      await post(path, '{nope', auth),
      await post(path, JSON.stringify({ userId: 'u' }), auth),
      await post(path, 'x'.repeat(4 * 1024 * 1024 + 1), auth),
      await post('/v1/tenants/-bad/check', good, auth),
    ];

    expect(refusals.map((res) => res.status)).toEqual([
      401, 415, 400, 400, 413, 404,
    ]);
    expect(refusals[0]?.headers.get('www-authenticate')).toMatch(/Bearer/);
    for (const res of refusals) {
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(await res.json()).not.toHaveProperty('allowed');
    }
  });

  it('leaves every other request to express', async () => {
    const res = await fetch(`${base}/v1/tenants/t/users/u/permissions`, {
      headers: { authorization: op },
    });

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ detail: 'tenant not found' });
  });

  it('answers 503 with Retry-After when a route passes the deadline', async () => {
    const silent: FastRoute = {
      route: '/slow',
      match: (_method, url) => (url === '/slow' ? '' : undefined),
      serve: () => Promise.resolve(),
    };
    const front = { log: createLogger('silent'), metrics: api.metrics };
    const slow = await serve(express(), {
      port: 0,
      host: '127.0.0.1',
      requestTimeoutMs: 30_000,
      ahead: fastFront([silent], { ...front, requestTimeoutMs: 50 }),
    });

    const res = await fetch(`${urlOf(slow)}/slow`);
    slow.close();

    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('lets a client that leaves in the middle of its body go without an error', async () => {
    const lines: string[] = [];
    const log = createLogger('info', 'roster', {
      write: (line: string) => void lines.push(line),
    });
    const front = { log, metrics: api.metrics, requestTimeoutMs: 30_000 };
    const watched = await listen(fastFront([api.checkRoute], front));
    const tenantId = await api.harness.tenant();
    const socket = connect((watched.address() as AddressInfo).port);

    socket.write(
      `POST /v1/tenants/${tenantId}/check HTTP/1.1\r\nHost: x\r\n` +
        `Authorization: ${op}\r\nContent-Type: application/json\r\n` +
        'Content-Length: 100\r\n\r\n{"userId":',
    );
    await sleep(200);
    socket.destroy();
    await sleep(200);
    watched.close();

    const levels = lines.map(
      (line) => (JSON.parse(line) as { level: number }).level,
    );
    expect(levels.filter((level) => level >= 50)).toEqual([]);
  });
});
