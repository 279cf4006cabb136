import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Top functions by self time of every .cpuprofile in `dir`, as Markdown. */
export async function summariseProfiles(
  dir: string,
  top = 25,
): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  const sections: string[] = [];
  for (const file of files) {
    const profile = JSON.parse(
      await readFile(join(dir, file), 'utf8'),
    ) as CpuProfile;
    sections.push(`## ${file}\n\n${selfTimeTable(profile, top)}`);
  }
  return `# CPU profiles: top functions by self time\n\n${sections.join('\n\n')}\n`;
}

function selfTimeTable(profile: CpuProfile, top: number): string {
  const names = new Map(profile.nodes.map((node) => [node.id, frameOf(node)]));
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const name = names.get(id) ?? '?';
    selfUs.set(name, (selfUs.get(name) ?? 0) + delta);
    totalUs += delta;
  });

  const rows = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, us]) =>
        `| ${(us / 1000).toFixed(0)} | ${((100 * us) / totalUs).toFixed(1)} % | ${name.replace(/\|/g, '\\|')} |`,
    );
  return [
    `Sampled ${(totalUs / 1e6).toFixed(1)} s.`,
    '',
    '| self ms | share | function |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function frameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/^.*\/work\/main\//, '');
  const name = functionName || '(anonymous)';
  return where ? `${name} ${where}:${lineNumber + 1}` : name;
}
