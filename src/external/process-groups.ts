/**
 * Every node process group faultline has started and not yet seen end, so that
 * none outlives it: on a normal end, an error, or SIGINT/SIGTERM to faultline.
 * Nodes run in their own process groups (a node's children go with it), so a
 * terminal's Ctrl-C does not reach them: faultline kills them itself.
 */
const live = new Set<number>();
let installed = false;

/** SIGINT and SIGTERM end faultline with these codes, as every subcommand does. */
const EXIT_ON_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * Registers a started process group; the handlers that reap it are installed on first use.
 *
 * @example
 * trackGroup(child.pid!);
 */
export function trackGroup(pid: number): void {
  live.add(pid);
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      killAllGroups();
      process.stderr.write(`\nfaultline: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}: every node process killed\n`);
      process.exit(EXIT_ON_SIGNAL[signal]);
    });
  }
  process.on('exit', killAllGroups);
}

/** Forgets a group that has ended. */
export function untrackGroup(pid: number): void {
  live.delete(pid);
}

/**
 * Sends a signal to a whole process group; false when the group is gone.
 *
 * @example
 * signalGroup(pid, 'SIGSTOP');
 */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** SIGKILL to every live group (synchronous: safe inside an 'exit' handler). */
export function killAllGroups(): void {
  for (const pid of live) {
    signalGroup(pid, 'SIGKILL');
    live.delete(pid);
  }
}
