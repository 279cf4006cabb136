import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchNote } from './launch-note';

const root = join(__dirname, '../../..');

describe('launchNote', () => {
  it('names the script a package manager ran', () => {
    expect(launchNote({ npm_lifecycle_event: 'bench' })).toContain(
      'package manager\'s "bench" script',
    );
  });

  it('says nothing when the bench was started from a shell', () => {
    expect(launchNote({})).toBeUndefined();
  });
});

describe('the bench launchers', () => {
  it('has pnpm bench run scripts/bench.sh', () => {
    const manifest = JSON.parse(
      readFileSync(join(root, 'package.json'), 'utf8'),
    ) as { scripts: Record<string, string> };

    expect(manifest.scripts['bench']).toBe('bash scripts/bench.sh');
  });

  it('starts the bench with the memory reducer off', () => {
    const launcher = readFileSync(join(root, 'scripts/bench.sh'), 'utf8');

    expect(launcher).toContain(
      'exec node --no-memory-reducer --import tsx scripts/src/bench/main.ts "$@"',
    );
  });
});
