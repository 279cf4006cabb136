import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

// TODO(limit): no YAML parser is a dependency and `docker compose` is not
// installed here, so this reads the file's blocks by indentation only.
const root = repoRoot();
const text = readFileSync(join(root, 'infra/compose.yaml'), 'utf8');

/** The lines of each two-space key under the top-level `services:`. */
function serviceBlocks(): Map<string, string[]> {
  const blocks = new Map<string, string[]>();
  let inServices = false;
  let current: string[] | undefined;

  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inServices = line.startsWith('services:');
    if (!inServices) continue;
    const key = /^ {2}([a-z][a-z0-9-]*):\s*$/.exec(line)?.[1];
    if (key) blocks.set(key, (current = []));
    else if (/^ {4}/.test(line)) current?.push(line);
  }
  return blocks;
}

describe('infra/compose.yaml', () => {
  const services = serviceBlocks();

  it('holds the stores and the three Roster services', () => {
    expect([...services.keys()].sort()).toEqual([
      'access-api',
      'kurrentdb',
      'postgres',
      'projector',
      'redis',
      'scim-ingress',
    ]);
  });

  it.each(['scim-ingress', 'access-api', 'projector'])(
    'runs %s from the shared Roster block with a main that exists',
    (name) => {
      const block = (services.get(name) ?? []).join('\n');
      const main = /'(services\/[a-z-]+\/src\/main\.ts)'/.exec(block)?.[1];

      expect(block).toContain('<<: *roster');
      expect(main && existsSync(join(root, main))).toBe(true);
      expect(block).toMatch(/- '127\.0\.0\.1:\d+:8080'/);
    },
  );

  it('configures every Roster service by environment only', () => {
    const start = text.search(/^x-roster:/m);
    const shared = text.slice(start, text.search(/^services:/m));

    for (const variable of [
      'DATABASE_URL',
      'REDIS_URL',
      'ROSTER_ADMIN_TOKEN',
      'ROSTER_CONSISTENCY_TIMEOUT_MS',
      'HOST',
      'PORT',
    ]) {
      expect(shared).toMatch(new RegExp(`^ {4}${variable}: `, 'm'));
    }
    expect(shared).toContain('dockerfile: infra/Dockerfile');
    expect(shared).toContain('restart: unless-stopped');
  });

  it('keeps Redis from evicting jobs and PostgreSQL from idle transactions', () => {
    const redis = (services.get('redis') ?? []).join('\n');
    const postgres = (services.get('postgres') ?? []).join('\n');

    expect(redis).toMatch(/noeviction/);
    expect(redis).toMatch(/--appendonly/);
    expect(postgres).toMatch(/idle_in_transaction_session_timeout=\d+s/);
  });

  it('has no tabs, which YAML forbids for indentation', () => {
    expect(text).not.toMatch(/\t/);
  });
});
