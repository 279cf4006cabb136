import { ConfigError, loadConfig } from './load-config';
import { requireAdminToken, requireProduction } from './require-production';

describe('loadConfig', () => {
  it('defaults to embedded mode on 127.0.0.1:8080', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      mode: 'embedded',
      eventStore: 'embedded',
      PORT: 8080,
      HOST: '127.0.0.1',
      ROSTER_DATA_DIR: './.roster',
      ROSTER_CONSISTENCY_TIMEOUT_MS: 10_000,
    });
  });

  it('switches to production with a database URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://127.0.0.1/roster',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });

    expect(config.mode).toBe('production');
    expect(config.eventStore).toBe('postgres');
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ DATABASE_URL: 'notaurl' }, /^DATABASE_URL: /],
    [{ REDIS_URL: 'xx' }, /^REDIS_URL: /],
    [
      { DATABASE_URL: 'mysql://x/y' },
      /^DATABASE_URL: must start with postgres:/,
    ],
    [
      { ROSTER_CONSISTENCY_TIMEOUT_MS: '-5' },
      /^ROSTER_CONSISTENCY_TIMEOUT_MS: /,
    ],
    [{ ROSTER_EVENT_STORE: 'mongo' }, /^ROSTER_EVENT_STORE: /],
    [{ ROSTER_EVENT_STORE: 'kurrentdb' }, /^KURRENTDB_URL: required/],
    [
      { ROSTER_BOOTSTRAP_TENANT: 'acme' },
      /^ROSTER_BOOTSTRAP_TENANT: set it together/,
    ],
    [{ ROSTER_ADMIN_TOKEN: 'short' }, /^ROSTER_ADMIN_TOKEN: /],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).mode).toBe('embedded');
  });
});

describe('requireProduction', () => {
  it('names the variable a separate service is missing', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/roster' });

    expect(() => requireProduction(config, 'ingress')).toThrow(
      /^REDIS_URL: required by the ingress$/,
    );
    expect(() => requireAdminToken(config, 'access API')).toThrow(
      /^ROSTER_ADMIN_TOKEN: required/,
    );
  });

  it('defaults the rate limit well above what IdPs send', () => {
    const config = loadConfig({});

    expect(config.ROSTER_RATE_LIMIT_PER_SECOND).toBeGreaterThanOrEqual(100);
    expect(config.ROSTER_REQUEST_TIMEOUT_MS).toBeLessThan(60_000);
  });

  it('refuses a request timeout an IdP would hit first', () => {
    expect(() => loadConfig({ ROSTER_REQUEST_TIMEOUT_MS: '60000' })).toThrow(
      /^ROSTER_REQUEST_TIMEOUT_MS: /,
    );
  });
});
