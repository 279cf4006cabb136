import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  environmentSchema,
  loadConfig,
  requireProduction,
} from '../../../packages/config/src/index';
import { interpolate, parseComposeFile, readComposeFile } from './compose-file';
import type { ComposeService } from './compose-file';
import { serviceCommand } from './node-flags';
import { repoRoot } from './repo-root';
import { serviceArgs, type ServiceKind } from './service-process';

// `docker compose` is not installed here, and Debian's docker-compose
// (v1) rejects the Compose Specification's top-level `name`: the file is
// parsed with a YAML parser and its structure checked instead.
const root = repoRoot();
const compose = readComposeFile(root, 'infra/compose.yaml');
const services = compose.services;
const roster = ['scim-ingress', 'access-api', 'projector'];
const kindOf: Record<string, ServiceKind> = {
  'scim-ingress': 'ingress',
  'access-api': 'access',
  projector: 'projector',
};
const serviceOf = (name: string): ComposeService => {
  const found = services[name];
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

describe('infra/compose.yaml', () => {
  it('holds the stores and the three Roster services', () => {
    expect(Object.keys(services).sort()).toEqual([
      'access-api',
      'kurrentdb',
      'postgres',
      'projector',
      'redis',
      'scim-ingress',
    ]);
  });

  it.each(roster)(
    'builds %s from infra/Dockerfile and runs a main that exists',
    (name) => {
      const service = serviceOf(name);
      const context = join(root, 'infra', service.build?.context ?? '');
      const main = service.command?.at(-1) ?? '';

      expect(existsSync(join(context, service.build?.dockerfile ?? ''))).toBe(
        true,
      );
      expect(service.command).toEqual(['node', ...serviceArgs(kindOf[name]!)]);
      expect(main).toMatch(/^services\/[a-z-]+\/src\/main\.ts$/);
      expect(existsSync(join(context, main))).toBe(true);
      expect(service.ports).toEqual([
        expect.stringMatching(/^127\.0\.0\.1:\d+:8080$/),
      ]);
      expect(service.restart).toBe('unless-stopped');
    },
  );

  it.each(roster)(
    'configures %s with an environment the config schema accepts',
    (name) => {
      const environment = Object.fromEntries(
        Object.entries(serviceOf(name).environment ?? {}).map(
          ([key, value]) => [
            key,
            interpolate(value, { ROSTER_ADMIN_TOKEN: 'a'.repeat(32) }),
          ],
        ),
      );
      const config = requireProduction(loadConfig(environment), name);

      expect(config.eventStore).toBe('postgres');
      expect(config.HOST).toBe('0.0.0.0');
      expect(config.PORT).toBe(8080);
      expect(() =>
        interpolate(
          serviceOf(name).environment?.['ROSTER_ADMIN_TOKEN'] ?? '',
          {},
        ),
      ).toThrow(/^ROSTER_ADMIN_TOKEN: /);
    },
  );

  it('names only known variables, so a misspelt one is caught', () => {
    const known = new Set(Object.keys(environmentSchema.shape));

    for (const name of roster) {
      for (const key of Object.keys(serviceOf(name).environment ?? {})) {
        expect(`${name}: ${key}: ${known.has(key)}`).toBe(
          `${name}: ${key}: true`,
        );
      }
    }
  });

  it('starts a service only after what it depends on exists and is healthy', () => {
    const dockerfile = readFileSync(join(root, 'infra/Dockerfile'), 'utf8');

    for (const [name, service] of Object.entries(services)) {
      for (const [target, { condition }] of Object.entries(
        service.depends_on ?? {},
      )) {
        const dependency = services[target];
        const healthy =
          dependency?.healthcheck !== undefined ||
          (dependency?.build !== undefined &&
            /^HEALTHCHECK /m.test(dockerfile));

        expect(`${name} -> ${target}: ${Boolean(dependency)}`).toBe(
          `${name} -> ${target}: true`,
        );
        if (condition === 'service_healthy') expect(healthy).toBe(true);
      }
    }
  });

  it('declares every named volume it mounts', () => {
    const mounted = Object.values(services).flatMap((service) =>
      (service.volumes ?? []).map((volume) => volume.split(':')[0]),
    );

    expect(new Set(mounted)).toEqual(new Set(Object.keys(compose.volumes)));
  });

  it('keeps Redis from evicting jobs and PostgreSQL from idle transactions', () => {
    const redis = serviceOf('redis').command ?? [];
    const postgres = serviceOf('postgres').command ?? [];

    expect(redis.join(' ')).toContain('--maxmemory-policy noeviction');
    expect(redis.join(' ')).toContain('--appendonly yes');
    expect(postgres).toContainEqual(
      expect.stringMatching(/^idle_in_transaction_session_timeout=\d+s$/),
    );
  });
});

describe('the node flags of a service', () => {
  const startScriptOf = (folder: string): string | undefined => {
    const manifest = readFileSync(join(root, folder, 'package.json'), 'utf8');
    return (JSON.parse(manifest) as { scripts: Record<string, string> })
      .scripts['start'];
  };

  it('are in the image default command and in pnpm start', () => {
    const dockerfile = readFileSync(join(root, 'infra/Dockerfile'), 'utf8');
    const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]';
    const command = [
      'node',
      ...serviceCommand('services/all-in-one/src/main.ts'),
    ];

    expect(JSON.parse(cmd)).toEqual(command);
    expect(startScriptOf('.')).toBe(command.join(' '));
  });

  it.each(['access-api', 'all-in-one', 'projector', 'scim-ingress'])(
    'are in the start script of services/%s',
    (service) => {
      const command = ['node', ...serviceCommand('src/main.ts')];

      expect(startScriptOf(`services/${service}`)).toBe(command.join(' '));
    },
  );
});

describe('parseComposeFile', () => {
  it.each([
    [
      'a misspelt key',
      'a:\n    image: x\n    enviroment: {}',
      /a: Unrecognized key: "enviroment"/,
    ],
    [
      'a service with nothing to run',
      'a:\n    restart: always',
      /a: needs an image or a build/,
    ],
    [
      'an unknown condition',
      'a:\n    image: x\n    depends_on:\n      b:\n        condition: started',
      /a\.depends_on\.b\.condition: /,
    ],
    ['a tab in the indentation', '\ta:\n    image: x', /^bad\.yaml: .*tab/i],
  ])('refuses %s with a message naming it', (_what, service, message) => {
    const text = `name: t\nservices:\n  ${service}\n`;

    expect(() => parseComposeFile(text, 'bad.yaml')).toThrow(message);
  });

  it('interpolates like compose, failing on a required variable', () => {
    expect(interpolate('${A:-x}/${B}/${C:?}', { C: 'c' })).toBe('x//c');
    expect(() => interpolate('${C:?set C}', {})).toThrow('C: set C');
  });
});
