import { readFile } from 'node:fs/promises';
import { parseSession, replaySession } from '../replay';
import type { StepResult } from '../replay';
import type { Command } from './command';
import { parseOptions } from './parse-options';

const usage = `usage: pnpm roster replay <session.ndjson> --url <base> --token <scim token>

Plays a recorded IdP session against a running Roster: one request a line
(method, path, headers, body, expect, capture); \${name} placeholders are
bound from earlier responses, \${new:name} to a fresh UUID. --url is the
server (http://127.0.0.1:8080) or its SCIM base (.../scim/v2).`;

export const replayCommand: Command = {
  name: 'replay',
  summary: 'play a recorded Okta or Entra session against a server',
  usage,
  run: async (args) => {
    const { positional, options } = parseOptions(args);
    const [file] = positional;
    const url = options.get('url');
    const token = options.get('token') ?? process.env['ROSTER_SCIM_TOKEN'];
    if (!file || !url || !token) {
      process.stderr.write(`${usage}\n`);
      return 2;
    }

    const steps = parseSession(await readFile(file, 'utf8'));
    const results = await replaySession(steps, {
      url: scimBase(url),
      token,
      onStep: printStep,
    });
    return printSummary(results);
  },
};

function scimBase(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return /\/scim\/v2$/i.test(trimmed) ? trimmed : `${trimmed}/scim/v2`;
}

function printStep(result: StepResult): void {
  const mark = result.ok ? 'ok  ' : 'FAIL';
  const line = `${mark} ${result.status} ${result.method.padEnd(6)} ${result.name}`;
  process.stdout.write(
    `${line}${result.problem ? ` (${result.problem})` : ''}\n`,
  );
}

function printSummary(results: readonly StepResult[]): number {
  const failed = results.filter((result) => !result.ok).length;
  process.stdout.write(
    `\n${results.length - failed} passed, ${failed} failed\n`,
  );
  return failed === 0 ? 0 : 1;
}
