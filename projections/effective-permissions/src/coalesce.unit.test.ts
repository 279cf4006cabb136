import { coalesce } from './coalesce';

/** A call of `execute` that the test finishes by hand. */
interface Call {
  readonly items: readonly number[];
  finish(): void;
  fail(error: Error): void;
}

function recorder() {
  const calls: Call[] = [];
  const execute = (items: readonly number[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({
        items,
        finish: () => resolve(items.map((item) => `r${item}`)),
        fail: reject,
      });
    });
  return { calls, execute };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesce', () => {
  it('merges what arrives in one turn and answers each its own part', async () => {
    const { calls, execute } = recorder();
    const run = coalesce(execute, { maxInFlight: 1, maxItems: 100 });

    const a = run([1]);
    const b = run([2, 3]);
    await turn();
    calls[0]?.finish();

    expect(calls.map((c) => c.items)).toEqual([[1, 2, 3]]);
    expect(await a).toEqual(['r1']);
    expect(await b).toEqual(['r2', 'r3']);
  });

  it('never adds a submission to a call that already started', async () => {
    const { calls, execute } = recorder();
    const run = coalesce(execute, { maxInFlight: 1, maxItems: 100 });

    const first = run([1]);
    await turn();
    const later = [run([2]), run([3])];
    await turn();

    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0]?.finish();
    await first;
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3]]);
    calls[1]?.finish();
    expect(await Promise.all(later)).toEqual([['r2'], ['r3']]);
  });

  it('keeps at most maxItems per call, never splitting a submission', async () => {
    const { calls, execute } = recorder();
    const run = coalesce(execute, { maxInFlight: 3, maxItems: 3 });

    const answers = [run([1, 2]), run([3, 4]), run([5, 6, 7, 8])];
    await turn();
    calls.forEach((call) => call.finish());

    expect(calls.map((c) => c.items)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6, 7, 8],
    ]);
    expect(await Promise.all(answers)).toEqual([
      ['r1', 'r2'],
      ['r3', 'r4'],
      ['r5', 'r6', 'r7', 'r8'],
    ]);
  });

  it('fails every submission of a failed call, and only those', async () => {
    const { calls, execute } = recorder();
    const run = coalesce(execute, { maxInFlight: 1, maxItems: 100 });

    const merged = [run([1]), run([2])];
    await turn();
    const next = run([3]);
    calls[0]?.fail(new Error('connection lost'));

    for (const answer of merged) {
      await expect(answer).rejects.toThrow('connection lost');
    }
    await turn();
    calls[1]?.finish();
    expect(await next).toEqual(['r3']);
  });
});
