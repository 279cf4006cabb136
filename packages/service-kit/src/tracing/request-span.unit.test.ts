import { trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import express from 'express';
import request from 'supertest';
import { createLogger } from '../logger';
import { requestContext, requestInfo } from '../request-context';

const caller = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const traceparent = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

function app() {
  const served = express();
  served.use(requestContext(createLogger('silent'), ['/healthz']));
  served.get('/healthz', (_req, res) => void res.send('ok'));
  served.get('/things/:id', (req, res) => {
    res.json({ traceId: requestInfo(req).trace.traceId });
  });
  return served;
}

describe('request spans without a tracer provider', () => {
  it('continue a valid caller trace with a span id of their own', async () => {
    const response = await request(app())
      .get('/things/1')
      .set('traceparent', caller);
    const [, traceId, spanId] = traceparent.exec(
      String(response.headers['traceparent']),
    ) ?? ['', '', ''];

    expect(traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(spanId).not.toBe('00f067aa0ba902b7');
    expect(response.body).toEqual({ traceId });
  });

  it.each([
    'nonsense',
    `00-${'0'.repeat(32)}-${'1'.repeat(16)}-01`,
    `00-${'a'.repeat(32)}-${'0'.repeat(16)}-01`,
  ])('start a new trace for %j', async (header) => {
    const response = await request(app())
      .get('/things/1')
      .set('traceparent', header);
    const traceId = traceparent.exec(
      String(response.headers['traceparent']),
    )?.[1];

    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId).not.toMatch(/^(0+|a+)$/);
  });
});

describe('request spans with a tracer provider', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new NodeTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });

  beforeAll(() => provider.register());
  afterAll(async () => {
    trace.disable();
    await provider.shutdown();
  });
  beforeEach(() => exporter.reset());

  it('record a server span named after the route, child of the caller', async () => {
    const response = await request(app())
      .get('/things/ann%40example.com?filter=secret')
      .set('traceparent', caller)
      .set('authorization', 'Bearer rst_never_recorded');
    await provider.forceFlush();
    const [span] = exporter.getFinishedSpans();

    expect(span?.name).toBe('GET /things/:id');
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(response.headers['traceparent']).toBe(
      `00-${span?.spanContext().traceId}-${span?.spanContext().spanId}-01`,
    );
    expect(span?.attributes).toEqual({
      'http.request.method': 'GET',
      'http.route': '/things/:id',
      'http.response.status_code': 200,
      'roster.request.id': response.headers['x-request-id'],
    });
  });

  it('give health probes ids but record no span for them', async () => {
    const response = await request(app()).get('/healthz');
    await provider.forceFlush();

    expect(String(response.headers['traceparent'])).toMatch(traceparent);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
