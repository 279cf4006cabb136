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
    if (isIdle(profile)) continue;
    const byArea = shareTable(profile, areaOf, 'area');
    const byFunction = shareTable(profile, frameOf, 'function', top);
    sections.push(`## ${file}\n\n${byArea}\n\n${byFunction}`);
  }
  return `# CPU profiles: top functions by self time\n\n${sections.join('\n\n')}\n`;
}

/** Self time summed by `keyOf` of each sampled frame, largest first. */
function shareTable(
  profile: CpuProfile,
  keyOf: (node: ProfileNode) => string,
  heading: string,
  top = 12,
): string {
  const keys = new Map(profile.nodes.map((node) => [node.id, keyOf(node)]));
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const key = keys.get(id) ?? '?';
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
    totalUs += delta;
  });

  const rows = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => {
      const share = ((100 * us) / totalUs).toFixed(1);
      return `| ${(us / 1000).toFixed(0)} | ${share} % | ${key.replace(/\|/g, '\\|')} |`;
    });
  return [
    `Self time by ${heading}, of ${(totalUs / 1e6).toFixed(1)} s sampled:`,
    '',
    `| self ms | share | ${heading} |`,
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** A worker thread that did nothing worth showing. */
function isIdle(profile: CpuProfile): boolean {
  const idle = profile.nodes.find((n) => n.callFrame.functionName === '(idle)');
  const idleSamples = profile.samples.filter((id) => id === idle?.id).length;
  return idleSamples > profile.samples.length * 0.9;
}

/** Package or Roster folder of a frame; wasm counts as PGlite. */
function areaOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (url.startsWith('wasm://')) return 'PGlite (wasm)';
  const dependency =
    /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1] ?? url;
  const own = /\/work\/main\/([^/]+\/[^/]+)/.exec(url);
  if (own) return own[1] ?? url;
  if (url.startsWith('node:')) return 'node internals';
  return url ? 'other' : functionName || '(native)';
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
