import type { NodeFactory, SimNode } from '../sim/node.js';
import type { ClientNodeContext } from './trace-events.js';
import { replyChecksum, type ClientMessage } from '../store/protocol.js';
import { Attempts, type OpEnd } from './attempts.js';
import { idempotencyKeyFor } from './idempotency.js';
import { type LogicalOp, startOp } from './logical-op.js';
import type { OpSource, PlannedOp } from './op-source.js';
import type { ClientRuntime } from './runtime.js';

/**
 * How to build one logical client.
 *
 * @example
 * const options: ClientProcessOptions = { clientIndex: 0, clientCount: 2, entryPoints: ['n1', 'n2'],
 *   runtime, ops: queueSource([{ f: 'add', key: 'c', value: 1 }]), verbs: { add: 'incr' } };
 */
export interface ClientProcessOptions {
  /** This client's number, 0-based: its first process number. */
  clientIndex: number;
  /** How many clients the run has: a retired process p continues as p + clientCount. */
  clientCount: number;
  entryPoints: readonly string[];
  runtime: ClientRuntime;
  ops: OpSource;
  /** Store verb for each workload f; an f not listed is sent as it is. */
  verbs?: Readonly<Record<string, string>>;
  /**
   * What a read of a key the store does not hold records, as a Jepsen client decodes
   * the database's answer: the workload's empty value (0 for a counter, [] for a set).
   * Default null (nil).
   */
  nilReads?: unknown;
  /** Called once, when the op source is exhausted and the last op completed. */
  onDone?: () => void;
}

/**
 * A node factory for one logical client, Jepsen style: one op at a time; an op
 * whose outcome stays unknown is recorded as `info` and its process retires, the
 * client carrying on as a fresh process (old + clientCount). The client's identity
 * lives in the factory, so a client rebuilt after a crash also starts afresh.
 *
 * @example
 * world.addNode('c0', clientProcessFactory(options), { kind: 'client' });
 */
export function clientProcessFactory(options: ClientProcessOptions): NodeFactory<ClientMessage> {
  const identity: ClientIdentity = { process: options.clientIndex, opsStarted: 0, opOpen: false, done: false, waiting: undefined };
  return (ctx) => new ClientProcess(ctx, options, identity);
}

/**
 * What outlives a client node's crash: its process number, how many ops it started
 * (for unique idempotency keys), whether one was left open, whether it is done, and
 * the op it took from its source but has not started yet (waiting for its start time).
 */
export interface ClientIdentity {
  process: number;
  opsStarted: number;
  opOpen: boolean;
  done: boolean;
  waiting: PlannedOp | undefined;
}

/**
 * A logical client's process. See {@link clientProcessFactory}.
 *
 * @example
 * world.node<ClientProcess>('c0')!.done; // true once its ops are all complete
 */
export class ClientProcess implements SimNode<ClientMessage> {
  /**
   * A client never writes to a request once sent nor to a reply it got, so
   * messages need no copy between it and a store that promises the same. Values
   * cross into and out of the workload's hands as copies (see Sender and Attempts).
   */
  readonly immutableData = true;
  private readonly attempts: Attempts;
  private op: LogicalOp | undefined;
  /** True while an op makes its first attempt (it may end at once, refused locally). */
  private beginning = false;

  constructor(
    private readonly ctx: ClientNodeContext<ClientMessage>,
    private readonly options: ClientProcessOptions,
    readonly identity: ClientIdentity,
  ) {
    const { runtime, entryPoints, clientIndex } = options;
    this.attempts = new Attempts(ctx, runtime, entryPoints, clientIndex, (op, end) => this.finish(op, end));
    // An op left open by a crash stays indeterminate: its process may not go on.
    if (identity.opOpen) this.retire();
  }

  /** True once the op source is exhausted and the last op completed. */
  get done(): boolean {
    return this.identity.done;
  }

  start(): void {
    this.pull();
  }

  onTimer(name: string): void {
    if (name === 'next-op') return this.pull();
    const op = this.op;
    if (op === undefined) return;
    if (name === 'backoff') this.attempts.onBackoffOver(op);
    else if (name === 'attempt-timeout') this.attempts.onNoReply(op);
  }

  onMessage(from: string, msg: ClientMessage): void {
    if (msg.kind !== 'client-reply') return;
    // A reply whose checksum does not match was altered after the store made it: as good as lost.
    if (msg.sum !== undefined && msg.sum !== replyChecksum(msg)) return;
    this.attempts.onReply(this.op, from, msg);
  }

  /**
   * Starts the next op when idle, waiting for its start time if it has one. Start
   * times are the run's virtual time (as in the history), not this node's clock.
   */
  private pull(): void {
    const { identity, options } = this;
    if (this.op !== undefined || identity.done) return;
    const nowMs = options.runtime.clockMs();
    const planned = identity.waiting ?? options.ops.next(nowMs);
    identity.waiting = undefined;
    if (planned === undefined) {
      identity.done = true;
      options.onDone?.();
      return;
    }
    const waitMs = (planned.atMs ?? 0) - nowMs;
    if (waitMs > 0) {
      identity.waiting = planned;
      this.ctx.setTimer(waitMs, 'next-op');
      return;
    }
    this.begin(planned);
  }

  /** Records the invoke and makes the first attempt. */
  private begin(planned: PlannedOp): void {
    const { runtime, verbs } = this.options;
    const number = this.identity.opsStarted++;
    const key = idempotencyKeyFor(runtime.policy.idempotency, this.ctx.id, number);
    const op = startOp(number, planned, verbs?.[planned.f] ?? planned.f, key);
    this.op = op;
    this.identity.opOpen = true;
    runtime.stats.invoked++;
    runtime.recorder.recordClientOp(this.identity.process, 'invoke', planned.f, planned.key, planned.value);
    this.beginning = true;
    this.attempts.start(op);
    this.beginning = false;
  }

  private decoded(op: LogicalOp, value: unknown): unknown {
    const missing = value === null || value === undefined;
    return missing && op.verb === 'read' && this.options.nilReads !== undefined ? this.options.nilReads : value;
  }

  /** Records the op's completion; an indeterminate one retires the process. */
  private finish(op: LogicalOp, end: OpEnd): void {
    const { planned } = op;
    const { recorder, stats } = this.options.runtime;
    const value = end.type === 'ok' ? this.decoded(op, end.value) : planned.value;
    recorder.recordClientOp(this.identity.process, end.type, planned.f, planned.key, value, end.nodeId, end.error);
    stats[end.type]++;
    this.op = undefined;
    this.identity.opOpen = false;
    if (end.type === 'info') this.retire();
    // An op refused at once must not start the next one from inside its own start:
    // a long run of refusals would nest calls without bound.
    if (this.beginning) this.ctx.setTimer(0, 'next-op');
    else this.pull();
  }

  private retire(): void {
    const from = this.identity.process;
    this.identity.process += this.options.clientCount;
    this.identity.opOpen = false;
    this.options.runtime.stats.processesRetired++;
    this.ctx.trace('process-retired', { from, to: this.identity.process });
  }
}
