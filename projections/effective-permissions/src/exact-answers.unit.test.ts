import { exactAnswers } from './exact-answers';

/** A write counter moved by hand, as PGlite moves its own. */
function counterOf() {
  const counter = { writes: 0, writing: 0 };
  return {
    counter,
    start: () => {
      counter.writes += 1;
      counter.writing += 1;
    },
    end: () => {
      counter.writing -= 1;
      counter.writes += 1;
    },
  };
}

describe('exactAnswers', () => {
  it('keeps an answer read while nothing was written', () => {
    const { counter } = counterOf();
    const answers = exactAnswers<string>(counter);

    answers.keep(answers.mark(), 'k', 'yes');

    expect(answers.get('k')).toBe('yes');
  });

  it('drops every answer at the next write, before it ends', () => {
    const { counter, start, end } = counterOf();
    const answers = exactAnswers<string>(counter);
    answers.keep(answers.mark(), 'k', 'yes');

    start();
    const during = answers.get('k');
    end();

    expect(during).toBeUndefined();
    expect(answers.get('k')).toBeUndefined();
  });

  it('keeps nothing of a read that a write started or ended during', () => {
    const { counter, start, end } = counterOf();
    const answers = exactAnswers<string>(counter);

    const beforeBoth = answers.mark();
    start();
    const duringWrite = answers.mark();
    end();
    answers.keep(beforeBoth, 'a', 'stale');
    answers.keep(duringWrite, 'b', 'stale');

    expect(duringWrite).toBeUndefined();
    expect([answers.get('a'), answers.get('b')]).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('keeps a read that began after the write ended', () => {
    const { counter, start, end } = counterOf();
    const answers = exactAnswers<string>(counter);
    start();
    end();

    answers.keep(answers.mark(), 'k', 'fresh');

    expect(answers.get('k')).toBe('fresh');
  });

  it('lets the oldest answer go when full', () => {
    const { counter } = counterOf();
    const answers = exactAnswers<string>(counter, 2);

    for (const key of ['a', 'b', 'c']) answers.keep(answers.mark(), key, key);

    expect(['a', 'b', 'c'].map((key) => answers.get(key))).toEqual([
      undefined,
      'b',
      'c',
    ]);
  });
});
