// Not a workspace package dependency: scripts/ has no package.json of its own.

import {
  applyPatch,
  compileFilter,
  groupResourceType,
  parseFilter,
  parsePatchRequest,
  userResourceType,
} from '../../../packages/scim/src/index';
import type { ScimResource } from '../../../packages/scim/src/index';

const enterprise = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const user: ScimResource = {
  schemas: [userResourceType.schema.id, enterprise],
  id: 'u-1',
  userName: 'ann@example.com',
  active: true,
  displayName: 'Ann Smith',
  name: { givenName: 'Ann', familyName: 'Smith' },
  emails: [{ value: 'ann@example.com', type: 'work', primary: true }],
  [enterprise]: { department: 'R&D', manager: { value: 'm-1' } },
};

const entraPatch = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [
    { op: 'Replace', path: 'displayName', value: 'Ann Jones' },
    { op: 'Replace', path: 'name.familyName', value: 'Jones' },
    {
      op: 'Replace',
      path: 'emails[type eq "work"].value',
      value: 'a@example.com',
    },
    { op: 'Replace', path: 'active', value: 'False' },
    { op: 'Add', path: `${enterprise}:department`, value: 'Sales' },
  ],
};

const groupPatch = {
  Operations: [
    { op: 'Add', path: 'members', value: [{ value: 'u-9' }] },
    { op: 'Remove', path: 'members', value: [{ $ref: null, value: 'u-2' }] },
  ],
};

const group: ScimResource = {
  schemas: [groupResourceType.schema.id],
  id: 'g-1',
  displayName: 'Admins',
  members: [{ value: 'u-1' }, { value: 'u-2' }],
};

const filterText =
  'userName eq "ann@example.com" and (emails[type eq "work" and value co "@example"] or active eq true)';

function measure(label: string, iterations: number, run: () => unknown): void {
  for (let i = 0; i < iterations / 10; i += 1) run();

  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i += 1) run();
  const micros = Number(process.hrtime.bigint() - start) / 1000 / iterations;
  console.log(`${label.padEnd(44)} ${micros.toFixed(2).padStart(8)} µs`);
}

const predicate = compileFilter(parseFilter(filterText), userResourceType);
const operations = parsePatchRequest(entraPatch);

measure('filter: parse', 100_000, () => parseFilter(filterText));
measure('filter: parse + compile + evaluate', 100_000, () =>
  compileFilter(parseFilter(filterText), userResourceType)(user),
);
measure('filter: evaluate compiled', 1_000_000, () => predicate(user));
measure('PATCH (Entra, 5 ops): parse + apply', 100_000, () =>
  applyPatch(user, parsePatchRequest(entraPatch), userResourceType),
);
measure('PATCH (Entra, 5 ops): apply parsed', 100_000, () =>
  applyPatch(user, operations, userResourceType),
);
measure('PATCH (group members): parse + apply', 100_000, () =>
  applyPatch(group, parsePatchRequest(groupPatch), groupResourceType),
);
