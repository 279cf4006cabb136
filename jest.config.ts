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

function tier(name: string, timeout: number): Config {
  return {
    displayName: name,
    roots,
    testMatch: [`**/*.${name}.test.ts`],
    transform,
    testEnvironment: 'node',
    moduleFileExtensions: ['ts', 'js', 'json'],
    testTimeout: timeout,
  };
}

const config: Config = {
  projects: [tier('unit', 10_000), tier('int', 60_000), tier('e2e', 120_000)],
  maxWorkers: 2,
};

export default config;
