import { traceContext } from './trace-context';

describe('traceContext', () => {
  it('continues a valid caller trace with a span of its own', () => {
    const caller = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    const trace = traceContext(caller);

    expect(trace.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(trace.spanId).not.toBe('00f067aa0ba902b7');
    expect(trace.traceparent).toMatch(
      /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01$/,
    );
  });

  it.each([undefined, 'nonsense', `00-${'0'.repeat(32)}-${'1'.repeat(16)}-01`])(
    'starts a new trace for %j',
    (header) => {
      expect(traceContext(header).traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(traceContext(header).traceId).not.toBe('0'.repeat(32));
    },
  );
});
