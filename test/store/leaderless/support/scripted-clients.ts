/**
 * Concurrent test clients that record a Jepsen-style history: each client runs its
 * script one request at a time (invoke at send, ok / fail / info at the reply), and
 * a client whose request ends in an unknown outcome continues as a new process.
 */
import type { Op } from '../../../../src/history/op.js';
import type { NodeContext, SimNode } from '../../../../src/sim/node.js';
import type { ClientMessage, ClientReply } from '../../../../src/store/protocol.js';

export interface ScriptedOp {
  node: string;
  f: string;
  key: string;
  value: unknown;
}

/** The one history all clients append to, in the order things happen. */
export class HistoryRecorder {
  readonly ops: Op[] = [];

  record(op: Omit<Op, 'index' | 'time'>): void {
    const index = this.ops.length;
    this.ops.push({ ...op, index, time: index });
  }
}

export class ScriptedClient implements SimNode<ClientMessage> {
  private next = 0;
  private inFlight: { requestId: string; op: ScriptedOp } | undefined;

  constructor(
    private readonly ctx: NodeContext<ClientMessage>,
    private process: number,
    private readonly processStride: number,
    private readonly script: readonly ScriptedOp[],
    private readonly history: HistoryRecorder,
    private readonly thinkMs: number,
  ) {}

  start(): void {
    this.ctx.setTimer(1 + this.ctx.random() * this.thinkMs, 'next');
  }

  onTimer(): void {
    const op = this.script[this.next++];
    if (!op) return;
    const requestId = `${this.ctx.id}-${this.next}`;
    this.inFlight = { requestId, op };
    this.history.record({ process: this.process, type: 'invoke', f: op.f, key: op.key, value: op.f === 'read' ? null : op.value });
    this.ctx.send(op.node, { kind: 'client-request', requestId, f: op.f, key: op.key, value: op.value });
  }

  onMessage(from: string, msg: ClientMessage): void {
    if (msg.kind !== 'client-reply' || msg.requestId !== this.inFlight?.requestId) return;
    const { op } = this.inFlight;
    this.inFlight = undefined;
    const value = op.f === 'read' ? msg.value : op.value;
    this.history.record({ process: this.process, type: completionType(msg), f: op.f, key: op.key, value, node: from });
    if (msg.outcome === 'error') this.process += this.processStride; // Jepsen: an unknown outcome retires the process
    this.ctx.setTimer(1 + this.ctx.random() * this.thinkMs, 'next');
  }
}

function completionType(reply: ClientReply): Op['type'] {
  if (reply.outcome === 'ok') return 'ok';
  return reply.outcome === 'fail' ? 'fail' : 'info';
}
