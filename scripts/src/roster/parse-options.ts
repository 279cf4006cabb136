/** Reads `--name value` pairs and positional arguments. */
export function parseOptions(args: readonly string[]): {
  positional: string[];
  options: Map<string, string>;
} {
  const positional: string[] = [];
  const options = new Map<string, string>();

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2);
    const value = inline ?? args[i + 1];
    if (inline === undefined) i += 1;
    if (value === undefined) throw new Error(`--${name} needs a value`);
    options.set(name ?? '', value);
  }
  return { positional, options };
}
