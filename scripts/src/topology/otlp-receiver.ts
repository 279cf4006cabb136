import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** A span as the receiver keeps it: ids in hex, attributes flattened. */
export interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | undefined;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly links: readonly { traceId: string; spanId: string }[];
}

export interface OtlpReceiver {
  /** Base URL, for OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly url: string;
  spans(): readonly ReceivedSpan[];
  /** Resolves with the spans once `done` holds; rejects after timeoutMs. */
  waitFor(
    done: (spans: readonly ReceivedSpan[]) => boolean,
    timeoutMs?: number,
  ): Promise<readonly ReceivedSpan[]>;
  close(): Promise<void>;
}

// OTLP/JSON (protocol http/json): only the fields the tests read.
const anyValue: z.ZodType<unknown> = z.lazy(() =>
  z
    .object({
      stringValue: z.string().optional(),
      boolValue: z.boolean().optional(),
      intValue: z.union([z.string(), z.number()]).optional(),
      doubleValue: z.number().optional(),
      arrayValue: z
        .object({ values: z.array(anyValue).default([]) })
        .optional(),
    })
    .transform(
      (v) =>
        v.stringValue ??
        v.boolValue ??
        (v.intValue === undefined ? undefined : Number(v.intValue)) ??
        v.doubleValue ??
        v.arrayValue?.values,
    ),
);
const attributes = z
  .array(z.object({ key: z.string(), value: anyValue }))
  .default([])
  .transform((list) => Object.fromEntries(list.map((a) => [a.key, a.value])));
const exportRequest = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.object({ attributes }),
      scopeSpans: z.array(
        z.object({
          spans: z.array(
            z.object({
              traceId: z.string(),
              spanId: z.string(),
              parentSpanId: z.string().optional(),
              name: z.string(),
              attributes,
              links: z
                .array(z.object({ traceId: z.string(), spanId: z.string() }))
                .default([]),
            }),
          ),
        }),
      ),
    }),
  ),
});

/** An OTLP/HTTP receiver of traces on 127.0.0.1, JSON encoding only. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const parsed = exportRequest.safeParse(safeJson(body));
      if (req.url !== '/v1/traces' || !parsed.success) {
        res.writeHead(400).end();
        return;
      }
      received.push(...flatten(parsed.data));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => [...received],
    waitFor: (done, timeoutMs = 20_000) => poll(received, done, timeoutMs),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function flatten(request: z.infer<typeof exportRequest>): ReceivedSpan[] {
  return request.resourceSpans.flatMap((resource) =>
    resource.scopeSpans.flatMap((scope) =>
      scope.spans.map((span) => ({
        ...span,
        parentSpanId: span.parentSpanId || undefined,
        service: String(resource.resource.attributes['service.name']),
      })),
    ),
  );
}

async function poll(
  received: readonly ReceivedSpan[],
  done: (spans: readonly ReceivedSpan[]) => boolean,
  timeoutMs: number,
): Promise<readonly ReceivedSpan[]> {
  const deadline = Date.now() + timeoutMs;
  while (!done(received)) {
    if (Date.now() > deadline) {
      const names = received.map((s) => `${s.service}:${s.name}`);
      throw new Error(`spans not received; got ${names.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [...received];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
