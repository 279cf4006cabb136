import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Span } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import type { EventStore, EventToAppend } from '@roster/event-store';
import { aroundAppends } from './around-appends';
import { spanAttributes, spans, tracer } from '@roster/service-kit';

/**
 * The same store (and its codec), each append in a span of the caller's
 * trace. Attributes: event count and types; never stream names, which
 * can hold a normalised userName, nor error messages.
 */
export function tracedEventStore(store: EventStore): EventStore {
  return aroundAppends(store, inAppendSpan);
}

function inAppendSpan<T>(
  events: readonly EventToAppend[],
  append: () => Promise<T>,
): Promise<T> {
  const attributes = {
    [spanAttributes.events]: events.length,
    [spanAttributes.eventTypes]: [...new Set(events.map((e) => e.type))],
  };

  return tracer.startActiveSpan(
    spans.append,
    { kind: SpanKind.CLIENT, attributes },
    async (span) => {
      try {
        return await append();
      } catch (error) {
        failed(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

function failed(span: Span, error: unknown): void {
  const type = error instanceof Error ? error.name : 'Error';
  span.setAttribute(ATTR_ERROR_TYPE, type);
  span.setStatus({ code: SpanStatusCode.ERROR });
}
