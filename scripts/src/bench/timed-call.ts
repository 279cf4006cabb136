import type { HttpReply, HttpTarget } from './http-target';
import type { LatencyRecorder } from './latency-recorder';

export interface TimedRequest {
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  /** Statuses that count as success. */
  readonly ok: readonly number[];
}

/**
 * Sends one request and records it under its label: its latency when the
 * status is expected, an error otherwise. Never throws.
 */
export async function timedCall(
  target: HttpTarget,
  recorder: LatencyRecorder,
  request: TimedRequest,
): Promise<HttpReply | undefined> {
  try {
    const reply = await target.send(request.method, request.path, request.body);
    recorder.record(request.label, reply.ms);
    if (request.ok.includes(reply.status)) return reply;

    recorder.fail(request.label, `${reply.status} ${reply.body.slice(0, 200)}`);
    return undefined;
  } catch (error) {
    recorder.fail(request.label, String(error));
    return undefined;
  }
}

/** The `id` of a resource reply, or undefined. */
export function idOf(reply: HttpReply | undefined): string | undefined {
  if (!reply) return undefined;
  const body = JSON.parse(reply.body) as { id?: unknown };
  return typeof body.id === 'string' ? body.id : undefined;
}
