import { execa, type ResultPromise } from 'execa';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { LineSplitter } from './line-splitter.js';
import { signalGroup, trackGroup, untrackGroup } from './process-groups.js';

/** A line longer than this (1 MiB) without a newline ends the run: no message is that large. */
const MAX_LINE_BYTES = 1 << 20;
/** Bytes of stderr kept in memory to quote when a node dies. */
const STDERR_TAIL_BYTES = 2048;
/** Bytes waiting in a node's stdin beyond which new messages to it are dropped (it stopped reading). */
const MAX_STDIN_BACKLOG_BYTES = 16 << 20;

/**
 * How a node process ended: exit code or signal, and the last of its stderr.
 *
 * @example
 * `${end.node} exited with code ${end.code}: ${end.stderrTail}`
 */
export interface NodeEnd {
  node: string;
  code: number | null;
  signal: string | null;
  stderrTail: string;
  /** Milliseconds since the run started. */
  atMs: number;
}

/** What the supervisor tells its owner. */
export interface NodeEvents {
  line(node: string, line: string): void;
  /** A line that cannot be taken at all (too long); the owner decides what to do. */
  badOutput(node: string, problem: string, quoted: string): void;
  /** The process ended without being killed by faultline. */
  exit(end: NodeEnd): void;
}

/**
 * One node: a child process in its own process group, fed JSON lines on stdin,
 * read line by line on stdout (pausable: back-pressure), its stderr appended to
 * its log file. Killed, paused and restarted as the nemesis says.
 *
 * @example
 * const node = new NodeProcess('n1', { bin: 'node', args: ['echo.js'], cwd, logFile }, events);
 * await node.start();
 * node.write({ src: 'c0', dest: 'n1', body: { type: 'init', msg_id: 1, node_id: 'n1', node_ids: ['n1'] } });
 */
export class NodeProcess {
  private child: ResultPromise | undefined;
  private log: WriteStream | undefined;
  private stderrTail = '';
  /** Set while faultline itself is killing the process: its end is then expected. */
  private killing = false;
  private outputPaused = false;
  private readonly started = performance.now();
  droppedToStdin = 0;

  constructor(
    readonly id: string,
    private readonly spec: { bin: string; args: readonly string[]; cwd: string; logFile: string },
    private readonly events: NodeEvents,
  ) {}

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the process; rejects with the spawn error (a missing binary: ENOENT). */
  async start(): Promise<void> {
    mkdirSync(this.spec.cwd, { recursive: true });
    this.log ??= createWriteStream(this.spec.logFile, { flags: 'a' });
    this.killing = false;
    this.outputPaused = false;
    const child = execa(this.spec.bin, [...this.spec.args], {
      cwd: this.spec.cwd,
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      buffer: false,
      reject: false,
      detached: true,
      stripFinalNewline: false,
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    }).catch((error: unknown) => {
      this.child = undefined;
      throw error;
    });
    trackGroup(child.pid!);
    const splitter = new LineSplitter(MAX_LINE_BYTES, (line) => this.events.line(this.id, line),
      (head) => this.events.badOutput(this.id, `a line longer than ${MAX_LINE_BYTES} bytes`, head));
    child.stdout!.on('data', (chunk: Buffer) => splitter.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.log!.write(chunk);
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    // A node that exits closes its stdin: writes after that must not crash faultline.
    child.stdin!.on('error', () => {});
    child.on('exit', (code, signal) => {
      untrackGroup(child.pid!);
      if (this.child === child) this.child = undefined;
      if (!this.killing) {
        this.events.exit({ node: this.id, code, signal, stderrTail: this.stderrTail.trimEnd(), atMs: performance.now() - this.started });
      }
    });
  }

  /** Writes one message as a JSON line; false when it was dropped (not running, or it stopped reading). */
  write(message: unknown): boolean {
    const stdin = this.child?.stdin;
    if (stdin === undefined || stdin === null || stdin.destroyed) return false;
    if (stdin.writableLength > MAX_STDIN_BACKLOG_BYTES) {
      this.droppedToStdin++;
      return false;
    }
    stdin.write(`${JSON.stringify(message)}\n`);
    return true;
  }

  /** Stops reading stdout (the router's queue is full); the pipe then fills and the node blocks on its writes. */
  pauseOutput(): void {
    if (this.outputPaused || this.child?.stdout == null) return;
    this.outputPaused = true;
    this.child.stdout.pause();
  }

  resumeOutput(): void {
    if (!this.outputPaused || this.child?.stdout == null) return;
    this.outputPaused = false;
    this.child.stdout.resume();
  }

  /** SIGKILL to the node's process group; resolves once it has exited. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    this.killing = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup(child.pid!, 'SIGKILL');
    await exited;
  }

  pause(): void {
    if (this.child !== undefined) signalGroup(this.child.pid!, 'SIGSTOP');
  }

  resume(): void {
    if (this.child !== undefined) signalGroup(this.child.pid!, 'SIGCONT');
  }

  /** The last of what the node wrote on stderr (all incarnations). */
  tail(): string {
    return this.stderrTail.trimEnd();
  }

  /** Kills the process (if running) and closes the log. */
  async close(): Promise<void> {
    await this.kill();
    await new Promise<void>((resolve) => (this.log === undefined ? resolve() : this.log.end(resolve)));
    this.log = undefined;
  }
}
