import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A CommonJS preload that profiles the process with node:inspector and
 * writes a .cpuprofile on exit: `--cpu-prof` may not be set through
 * NODE_OPTIONS, which is all that the topology's services take.
 */
export async function writeProfilePreload(dir: string): Promise<string> {
  const path = join(dir, 'profile-preload.cjs');
  const source = `
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    if (error || !result) return;
    const service = (process.argv[1] || 'node').split('/').slice(-3)[0];
    const file = 'CPU.' + service + '.' + process.pid + '.cpuprofile';
    writeFileSync(${JSON.stringify(dir)} + '/' + file, JSON.stringify(result.profile));
  });
});
`;
  await writeFile(path, source);
  return path;
}
