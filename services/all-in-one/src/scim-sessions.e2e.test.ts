import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSession, replaySession } from '@roster/scripts/replay';
import { listen, startTestRoster } from './testing';
import type { TestRoster, TestStore } from './testing';

const sessions = join(__dirname, '../../../scripts/sessions');

describe.each<TestStore>(['pglite', 'postgres'])(
  'recorded IdP sessions on %s',
  (kind) => {
    let roster: TestRoster;
    let server: Awaited<ReturnType<typeof listen>>;

    beforeAll(async () => {
      roster = await startTestRoster(kind);
      server = await listen(roster.app);
    });

    afterAll(async () => {
      await server.close();
      await roster.close();
    });

    it.each(['entra-cycle.ndjson', 'okta-cycle.ndjson'])(
      'plays %s with every step as expected',
      async (file) => {
        const { token } = await roster.tenant();
        const steps = parseSession(
          await readFile(join(sessions, file), 'utf8'),
        );

        const results = await replaySession(steps, {
          url: `${server.url}/scim/v2`,
          token,
        });

        const failed = results.filter((result) => !result.ok);
        expect(
          failed.map(
            (f) => `${f.name}: ${f.problem ?? ''} ${JSON.stringify(f.body)}`,
          ),
        ).toEqual([]);
        expect(results).toHaveLength(steps.length);
      },
    );
  },
);
