import fc from 'fast-check';
import { printFilter } from '../filter/print-filter';
import { arbitraryUserFilter } from './arbitraries';

const grammarPieces = [
  'userName',
  'emails',
  'emails[',
  ']',
  '[',
  '(',
  ')',
  ' ',
  ' eq ',
  ' co ',
  ' pr',
  ' and ',
  ' or ',
  'not ',
  '"',
  '\\',
  '"x"',
  'true',
  'null',
  '1e999',
  '.',
  ':',
  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:',
  'manager.value',
  'name.givenName',
  'meta.created',
  ' gt "2020-01-01T00:00:00Z"',
  '$ref',
  'members',
];

/** Random strings, grammar-shaped garbage and mutated valid filters. */
export const fuzzFilterText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc
    .array(fc.constantFrom(...grammarPieces), { maxLength: 12 })
    .map((parts) => parts.join('')),
  fc
    .tuple(
      arbitraryUserFilter.map(printFilter),
      fc.nat(),
      fc.nat(3),
      fc.constantFrom(...grammarPieces),
    )
    .map(([text, at, cut, piece]) => {
      const index = text.length === 0 ? 0 : at % text.length;
      return text.slice(0, index) + piece + text.slice(index + cut);
    }),
);

const json: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

const patchValue: fc.Arbitrary<unknown> = fc.oneof(
  json,
  fc.constantFrom('False', 'true', 'u-2', null, [], {}, [
    { value: 'u-2', $ref: null },
  ]),
  fc.dictionary(
    fc.constantFrom(
      'name.givenName',
      'displayName',
      'id',
      'members',
      'active',
      'emails',
      'urn:x:y',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
    ),
    json,
  ),
);

/** PATCH bodies from well-formed to nonsense. */
export const fuzzPatchBody: fc.Arbitrary<unknown> = fc.oneof(
  json,
  fc.record({
    Operations: fc.array(
      fc.record(
        {
          op: fc.constantFrom('add', 'Replace', 'REMOVE', 'move', 7),
          path: fc.oneof(
            fuzzFilterText,
            fc.constantFrom(
              'members',
              'emails[type eq "work"].value',
              'active',
              'name.givenName',
              'phoneNumbers[type eq "mobile"].value',
              'members[value eq "u-2"]',
              'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',
            ),
          ),
          value: patchValue,
        },
        { requiredKeys: ['op'] },
      ),
      { maxLength: 4 },
    ),
  }),
);
