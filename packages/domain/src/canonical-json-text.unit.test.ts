import fc from 'fast-check';
import { canonicalJsonText } from './canonical-json-text';
import { canonicalJson, hashEvent, hashEventText } from './hash-chain';

// Spacing as PostgreSQL writes jsonb: a space after every colon and comma.
const spaced = (value: unknown) =>
  JSON.stringify(value, null, 1).replace(/\n */g, ' ');

describe('canonicalJsonText', () => {
  it('writes what canonicalJson writes of the parsed text, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const expected = canonicalJson(value);
        expect(canonicalJsonText(JSON.stringify(value))).toBe(expected);
        expect(canonicalJsonText(JSON.stringify(value, null, 2))).toBe(
          expected,
        );
      }),
      { seed: 20261204, numRuns: 2000 },
    );
  });

  it('rewrites numbers, escapes and index keys as JavaScript writes them', () => {
    const text =
      '{"b": 1.50, "a": [-0, 1E3, 12345678901234567890], "10": "\\u00e9\\"", "2": "\\/"}';
    expect(canonicalJsonText(text)).toBe(canonicalJson(JSON.parse(text)));
    expect(canonicalJsonText(text)).toBe(
      '{"2":"/","10":"é\\"","a":[0,1000,12345678901234567000],"b":1.5}',
    );
  });

  it('refuses text that is not JSON', () => {
    for (const text of ['{"a":1', '{"a" 1}', '[1,]', '"open', '1 2', '']) {
      expect(() => canonicalJsonText(text)).toThrow(SyntaxError);
    }
  });

  it('hashes an event from its text as hashEvent hashes it parsed', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.nat(),
        (data, metadata, revision) => {
          const fields = {
            stream: 'tenant:acme:user:u-1',
            revision,
            id: '00000000-0000-4000-8000-000000000001',
            type: 'UserDeactivated',
            version: 1,
          };
          expect(
            hashEventText({
              ...fields,
              data: spaced(data),
              metadata: spaced(metadata),
            }),
          ).toBe(hashEvent({ ...fields, data, metadata }));
        },
      ),
      { seed: 20261204, numRuns: 500 },
    );
  });
});
