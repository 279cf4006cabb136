import { trace } from '@opentelemetry/api';

/**
 * Roster's tracer. Until `startTracing` registers a provider (or when
 * tracing is off) its spans are no-ops.
 */
export const tracer = trace.getTracer('roster');

/** Span names and Roster's own attributes, defined only here. */
export const spans = {
  append: 'roster.event_store.append',
  projectionBatch: 'roster.projection.batch',
} as const;

export const spanAttributes = {
  requestId: 'roster.request.id',
  events: 'roster.events',
  eventTypes: 'roster.event.types',
  projection: 'roster.projection.name',
  projectionVersion: 'roster.projection.version',
  partition: 'roster.projection.partition',
  lagSeconds: 'roster.projection.lag_seconds',
} as const;
