import { auditCommand } from './audit-command';
import type { Command } from './command';
import { projectionsCommand } from './projections-command';
import { replayCommand } from './replay-command';

/** Every subcommand of `pnpm roster`; add yours here. */
export const commands: readonly Command[] = [
  replayCommand,
  auditCommand,
  projectionsCommand,
];
