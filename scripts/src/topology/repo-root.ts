import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root: the nearest folder up from cwd with the workspace file. */
export function repoRoot(from = process.cwd()): string {
  let folder = from;
  while (!existsSync(join(folder, 'pnpm-workspace.yaml'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('not inside the Roster workspace');
    folder = parent;
  }
  return folder;
}
