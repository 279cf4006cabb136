describe('toolchain', () => {
  it('runs typescript tests', () => {
    expect([1, 2].map((n) => n * 2)).toEqual([2, 4]);
  });
});
