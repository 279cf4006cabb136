import fc from 'fast-check';
import { ScimError } from './errors/scim-error';
import { compileFilter } from './filter/compile-filter';
import { parseFilter } from './filter/parse-filter';
import { applyPatch } from './patch/apply-patch';
import { parsePatchRequest } from './patch/parse-patch-request';
import { planGroupPatch } from './patch/plan-group-patch';
import type { ScimResource } from './resource/json-value';
import { groupResourceType, userResourceType } from './schema/resource-type';
import { userSqlTarget } from './sql/sql-target';
import { translateFilter } from './sql/translate-filter';
import { fuzzFilterText, fuzzPatchBody } from './testing/fuzz-inputs';

const runs = Number(process.env['FUZZ_RUNS'] ?? 50_000);

const user: ScimResource = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  id: 'u-1',
  userName: 'ann',
  emails: [{ value: 'a@example.com', type: 'work' }],
};

const group: ScimResource = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
  id: 'g-1',
  displayName: 'G',
  members: [{ value: 'u-2' }],
};

function onlyScimErrors(run: () => void): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ScimError)) throw error;
  }
}

describe('fuzzing', () => {
  it(`throws nothing but ScimError for ${runs} filters`, () => {
    fc.assert(
      fc.property(fuzzFilterText, (text) => {
        onlyScimErrors(() => {
          const filter = parseFilter(text);
          compileFilter(filter, userResourceType)(user);
          translateFilter(filter, userSqlTarget);
        });
      }),
      { numRuns: runs, seed: 3 },
    );
  }, 60_000);

  it(`throws nothing but ScimError for ${runs} PATCH bodies`, () => {
    fc.assert(
      fc.property(fuzzPatchBody, (body) => {
        onlyScimErrors(() => {
          const operations = parsePatchRequest(body);
          onlyScimErrors(() => applyPatch(user, operations, userResourceType));
          onlyScimErrors(() =>
            applyPatch(group, operations, groupResourceType),
          );
          planGroupPatch(operations, (id) => id === 'u-2');
        });
      }),
      { numRuns: runs, seed: 4 },
    );
  }, 60_000);
});
