/**
 * The node flags of every Roster service process: the topology, the
 * compose file, the image and `pnpm start` run the services with them.
 *
 * V8's memory reducer collects garbage once a process goes quiet. A quiet
 * projector or ingress next to a busy access API then took both cores of
 * a two-core host for tens of milliseconds (its GC helper threads), and
 * the checks waited behind it. A server's heap stays at its working size
 * instead. V8 reads the flag only as a heap is set up, so a process
 * cannot set it for itself.
 */
export const serviceNodeFlags: readonly string[] = ['--no-memory-reducer'];

/** Node's arguments for a service's TypeScript main: flags, loader, main. */
export function serviceCommand(main: string): string[] {
  return [...serviceNodeFlags, '--import', 'tsx', main];
}
