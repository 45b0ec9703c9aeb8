import { join } from 'node:path';
import { RpcClient } from './client.js';
import { NodeProcess, type NodeEnd } from './node-process.js';
import type { Body } from './protocol.js';
import { errorName } from './protocol.js';
import { ExternalRunError } from './run-error.js';
import type { ProtocolError, Router } from './router.js';

/** How long a node has to answer `init` (and `topology`). */
export const INIT_TIMEOUT_MS = 10_000;

/**
 * The node processes of a run: started in their own working folders
 * (`DIR/node-data/nX`), initialised, killed, paused and restarted. A node that
 * exits on its own is recorded with its exit code and the tail of its stderr.
 *
 * @example
 * const cluster = new Cluster(['n1', 'n2'], spec, router, dir);
 * await cluster.startAll();
 */
export class Cluster {
  readonly nodes = new Map<string, NodeProcess>();
  readonly exits: NodeEnd[] = [];
  private readonly controller: RpcClient;
  private rejectRun: ((error: Error) => void) | undefined;
  /** Rejects when the run must stop: a protocol error, or a node dying while it starts. */
  readonly failed: Promise<never>;
  private starting = new Set<string>();
  /** True while the first start of every node runs: a node dying then ends the run. */
  private initialPhase = false;

  constructor(
    readonly nodeIds: readonly string[],
    spec: { bin: string; args: readonly string[] },
    router: Router,
    dir: string,
    private readonly onExit: (end: NodeEnd) => void,
    private readonly topology?: Record<string, string[]>,
  ) {
    this.failed = new Promise<never>((_resolve, reject) => (this.rejectRun = reject));
    this.failed.catch(() => {});
    this.controller = new RpcClient('c0', router, INIT_TIMEOUT_MS);
    router.onFatal = (error: ProtocolError) => this.rejectRun!(new ExternalRunError(error.message));
    for (const id of nodeIds) {
      const node = new NodeProcess(id, { ...spec, cwd: join(dir, 'node-data', id), logFile: join(dir, 'node-logs', `${id}.log`) }, {
        line: (from, line) => router.fromNode(from, line),
        badOutput: (from, problem, quoted) => router.protocolError(from, problem, quoted),
        exit: (end) => this.exited(end),
      });
      this.nodes.set(id, node);
      router.addNode(node);
    }
  }

  /** Starts every node and waits for each `init_ok` (and `topology_ok` when there is a topology). */
  async startAll(): Promise<void> {
    this.initialPhase = true;
    try {
      await Promise.race([Promise.all(this.nodeIds.map((id) => this.start(id))), this.failed]);
    } finally {
      this.initialPhase = false;
    }
  }

  /** Starts (or restarts) one node and initialises it. */
  async start(id: string): Promise<void> {
    const node = this.nodes.get(id)!;
    this.starting.add(id);
    try {
      await node.start().catch((error: NodeJS.ErrnoException) => {
        throw new ExternalRunError(`--bin: cannot start ${id}: ${error.code ?? ''} ${error.message}`.replace(/\s+/g, ' '));
      });
      await this.expect(id, { type: 'init', node_id: id, node_ids: [...this.nodeIds] }, 'init_ok');
      if (this.topology !== undefined) await this.expect(id, { type: 'topology', topology: this.topology }, 'topology_ok');
    } finally {
      this.starting.delete(id);
    }
  }

  async kill(id: string): Promise<void> {
    await this.nodes.get(id)!.kill();
  }

  pause(id: string): void {
    this.nodes.get(id)!.pause();
  }

  resume(id: string): void {
    this.nodes.get(id)!.resume();
  }

  /** Kills every node process and closes the logs. */
  async close(): Promise<void> {
    this.controller.abandon();
    await Promise.all([...this.nodes.values()].map((node) => node.close()));
  }

  private async expect(id: string, body: Omit<Body, 'msg_id'>, okType: string): Promise<void> {
    const reply = await this.controller.call(id, body);
    if (reply === 'timeout') {
      const tail = this.nodes.get(id)!.tail();
      throw new ExternalRunError(`${id} did not answer ${body.type} within ${INIT_TIMEOUT_MS / 1000} s${tail === '' ? '' : `; its stderr ends: ${oneLine(tail)}`}`);
    }
    if (reply.type !== okType) {
      const what = reply.type === 'error' ? errorName(reply) : JSON.stringify(reply.type);
      throw new ExternalRunError(`${id} answered ${body.type} with ${what}, expected ${okType}`);
    }
  }

  private exited(end: NodeEnd): void {
    this.exits.push(end);
    const how = end.signal === null ? `with code ${end.code}` : `on signal ${end.signal}`;
    const tail = end.stderrTail === '' ? '' : `; its stderr ends: ${oneLine(end.stderrTail)}`;
    if (this.starting.has(end.node) && this.initialPhase) {
      this.rejectRun!(new ExternalRunError(`${end.node} exited ${how} while starting${tail}`));
      return;
    }
    this.onExit(end);
  }
}

/** The last 300 characters of a text, on one line. */
export function oneLine(text: string): string {
  const line = text.replace(/\s*\n\s*/g, ' | ');
  return line.length > 300 ? `...${line.slice(-300)}` : line;
}
