import type { Config } from 'jest';

const transform: NonNullable<Config['transform']> = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
      module: { type: 'commonjs' },
    },
  ],
};

const roots = ['packages', 'projections', 'services', 'scripts'].map(
  (folder) => `<rootDir>/${folder}`,
);

function tier(name: string): Config {
  return {
    displayName: name,
    roots,
    testMatch: [`**/*.${name}.test.ts`],
    transform,
    testEnvironment: 'node',
    moduleFileExtensions: ['ts', 'js', 'json'],
  };
}

const config: Config = {
  projects: [tier('unit'), tier('int'), tier('e2e')],
  // PGlite takes seconds to start; per-project timeouts are not honoured.
  testTimeout: 60_000,
  maxWorkers: 2,
};

export default config;
