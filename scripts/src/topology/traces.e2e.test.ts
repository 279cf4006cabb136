import { startOtlpReceiver } from './otlp-receiver';
import type { OtlpReceiver, ReceivedSpan } from './otlp-receiver';
import { startTopology } from './start-topology';
import type { Topology } from './start-topology';

jest.setTimeout(90_000);

const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
const callerSpan = '00f067aa0ba902b7';
const userName = 'traced.ann@example.com';

async function post(url: string, token: string, body: unknown, extra = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/scim+json',
      ...extra,
    },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  return { status: response.status, headers: response.headers, json };
}

const named = (spans: readonly ReceivedSpan[], name: string) =>
  spans.filter((span) => span.name === name);
const childrenOf = (spans: readonly ReceivedSpan[], parent?: ReceivedSpan) =>
  spans.filter((span) => parent && span.parentSpanId === parent.spanId);

/** Tokens, userNames and SCIM values never reach an attribute. */
function expectNothingPersonal(
  spans: readonly ReceivedSpan[],
  tokens: string[],
) {
  const text = JSON.stringify(spans);

  for (const token of tokens) expect(text).not.toContain(token);
  expect(text).not.toContain(userName);
  expect(text).not.toContain('reader');
}

/** The projector's jobs linked to `sent`, and their committed batches. */
function projectedFrom(spans: readonly ReceivedSpan[], sent?: ReceivedSpan) {
  const jobs = named(spans, 'process roster-projections').filter((job) =>
    job.links.some((link) => link.spanId === sent?.spanId),
  );
  const batches = jobs.flatMap((job) => childrenOf(spans, job));
  return { jobs, batches };
}

describe('traces across ingress, queue and projector', () => {
  let receiver: OtlpReceiver;
  let topology: Topology;
  let scimToken: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    topology = await startTopology({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        // No sweep meanwhile: its untraced wake-ups would absorb ours.
        ROSTER_PROJECTOR_SWEEP_MS: '600000',
      },
    });
    const admin = `${topology.urls.access}/admin/v1/tenants`;
    await post(admin, topology.adminToken, { id: 'traced', name: 'Traced' });
    const issued = await post(
      `${admin}/traced/scim-tokens`,
      topology.adminToken,
      {},
    );
    scimToken = String(issued.json['token']);
  });

  afterAll(async () => {
    await topology?.stop();
    await receiver?.close();
  });

  it('follows a SCIM POST from the ingress through the queue to the projector', async () => {
    const created = await post(
      `${topology.urls.ingress[0]}/scim/v2/Users`,
      scimToken,
      { userName, roles: [{ value: 'reader' }] },
      { traceparent: `00-${callerTrace}-${callerSpan}-01` },
    );
    expect(created.status).toBe(201);
    const echoed = created.headers.get('traceparent') ?? '';

    // A write that waits long re-wakes the projectors: one send each.
    const applied = (all: readonly ReceivedSpan[]) => {
      const request = named(all, 'POST /scim/v2/Users')[0];
      const sends = named(childrenOf(all, request), 'send roster-projections');
      const traced = sends.map((sent) => ({
        sent,
        ...projectedFrom(all, sent),
      }));
      return traced.find((found) => found.batches.length > 0);
    };
    const spans = await receiver.waitFor((all) => applied(all) !== undefined);
    const request = named(spans, 'POST /scim/v2/Users')[0];
    const children = childrenOf(spans, request);
    const { sent, jobs, batches } = applied(spans) ?? {};

    expect(echoed).toMatch(new RegExp(`^00-${callerTrace}-[0-9a-f]{16}-01$`));
    expect(request).toMatchObject({
      service: 'roster-ingress',
      traceId: callerTrace,
      parentSpanId: callerSpan,
      spanId: echoed.split('-')[2],
      attributes: expect.objectContaining({
        'http.route': '/scim/v2/Users',
        'http.response.status_code': 201,
      }),
    });
    const kinds = new Set(
      children.map((span) => `${span.service} ${span.name}`),
    );
    expect([...kinds].sort()).toEqual([
      'roster-ingress roster.event_store.append',
      'roster-ingress send roster-projections',
    ]);
    expect(named(children, 'roster.event_store.append')).toHaveLength(1);
    expect(jobs?.[0]).toMatchObject({
      service: 'roster-projector',
      links: [{ traceId: callerTrace, spanId: sent?.spanId }],
    });
    expect(batches?.[0]).toMatchObject({
      name: 'roster.projection.batch',
      attributes: expect.objectContaining({ 'roster.events': 2 }),
    });
    expectNothingPersonal(spans, [scimToken]);
  });

  it('gives access-api checks spans of their own', async () => {
    const checked = await post(
      `${topology.urls.access}/v1/tenants/traced/check`,
      topology.adminToken,
      { userName, permission: 'docs:read' },
    );
    const traceId = checked.headers.get('traceparent')?.split('-')[1];

    const spans = await receiver.waitFor((all) =>
      all.some((span) => span.traceId === traceId),
    );

    expect(checked.status).toBe(200);
    expect(spans.filter((span) => span.traceId === traceId)).toEqual([
      expect.objectContaining({
        service: 'roster-access',
        name: 'POST /v1/tenants/:tenantId/check',
      }),
    ]);
    expectNothingPersonal(spans, [topology.adminToken]);
  });
});
