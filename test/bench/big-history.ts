import { closeSync, openSync, writeSync } from 'node:fs';

/** Options for {@link writeBigHistory}. */
export interface BigHistoryOptions {
  /** History records (invokes and completions) to write. */
  records: number;
  /** Keys of a kv history; undefined for a single register (ops carry no key). */
  keys: number | undefined;
  processes: number;
  /** Fraction of completions that are indeterminate (info), half applied, half not. */
  infoRate: number;
  seed: number;
  /** Plant one stale read halfway: a value overwritten by a write that completed before the read began. */
  staleRead: boolean;
}

/** What {@link writeBigHistory} wrote. */
export interface BigHistoryFacts {
  records: number;
  infoOps: number;
  /** The planted read's invoke index. */
  staleReadIndex?: number;
}

interface Pending {
  write: boolean;
  key: number;
  value: number;
  applied: boolean;
  process: number;
  outcome: 'ok' | 'info-applied' | 'info-lost';
  invokedAt: number;
}

/** Per key: the last acknowledged write, and a value since overwritten by a write invoked after it was acknowledged. */
interface KeyWrites {
  lastOk?: { value: number; completedAt: number };
  stale?: number;
}

/**
 * Streams a large NDJSON history to `file`, linearizable by construction except for
 * the one planted stale read: processes invoke reads and writes (half each) at random,
 * each op takes effect at one instant inside its interval, every write writes a value
 * of its own (1, 2, 3... per key; the initial value is nil), and `infoRate` of the
 * completions are info (the op applied or not), after which the process retires.
 * Lines are written in batches, so memory stays small whatever the size.
 *
 * @example
 * writeBigHistory('/tmp/h.ndjson', { records: 1e6, keys: undefined, processes: 100, infoRate: 0.05, seed: 1, staleRead: false });
 */
export function writeBigHistory(file: string, c: BigHistoryOptions): BigHistoryFacts {
  const random = xorshift(c.seed);
  const keyCount = c.keys ?? 1;
  const current = new Array<number | null>(keyCount).fill(null);
  const written = new Array<number>(keyCount).fill(0);
  const writes: KeyWrites[] = Array.from({ length: keyCount }, () => ({}));
  const pending = new Map<number, Pending>();
  const processOf = Array.from({ length: c.processes }, (_, i) => i);
  const out = new LineWriter(file, c.keys !== undefined);
  let invocations = 0;
  let infoOps = 0;
  let staleReadIndex: number | undefined;
  const invocationTarget = Math.floor(c.records / 2) - (c.staleRead ? 1 : 0);
  try {
    while (invocations < invocationTarget || pending.size > 0) {
      if (c.staleRead && staleReadIndex === undefined && out.count >= c.records / 2) {
        staleReadIndex = plantStaleRead(out, writes, Math.floor(random() * keyCount), c.processes);
      }
      const slot = Math.floor(random() * c.processes);
      const op = pending.get(slot);
      if (op === undefined) {
        if (invocations >= invocationTarget) continue;
        const key = Math.floor(random() * keyCount);
        const write = random() < 0.5;
        const roll = random();
        const outcome = roll >= c.infoRate ? 'ok' : roll < c.infoRate / 2 ? 'info-lost' : 'info-applied';
        const value = write ? ++written[key]! : 0;
        const invokedAt = out.count;
        pending.set(slot, { write, key, value, applied: false, process: processOf[slot]!, outcome, invokedAt });
        out.op(processOf[slot]!, 'invoke', write, key, write ? value : null);
        invocations++;
      } else if (!op.applied && op.outcome !== 'info-lost') {
        if (op.write) current[op.key] = op.value;
        else op.value = current[op.key] ?? -1;
        op.applied = true;
      } else {
        const info = op.outcome !== 'ok';
        if (info) infoOps++;
        if (op.write && !info) noteAcknowledged(writes[op.key]!, op, out.count);
        out.op(op.process, info ? 'info' : 'ok', op.write, op.key, info ? null : op.write || op.value !== -1 ? op.value : null);
        pending.delete(slot);
        if (info) processOf[slot] = processOf[slot]! + c.processes;
      }
    }
  } finally {
    out.close();
  }
  return { records: out.count, infoOps, ...(staleReadIndex === undefined ? {} : { staleReadIndex }) };
}

function noteAcknowledged(key: KeyWrites, op: Pending, completedAt: number): void {
  // The previous acknowledged write ended before this one began: its value is now stale.
  if (key.lastOk !== undefined && key.lastOk.completedAt < op.invokedAt) key.stale = key.lastOk.value;
  key.lastOk = { value: op.value, completedAt };
}

/** A read, by a process of its own, of a stale value of the first key from `start` that has one. */
function plantStaleRead(out: LineWriter, writes: KeyWrites[], start: number, processes: number): number | undefined {
  for (let i = 0; i < writes.length; i++) {
    const key = (start + i) % writes.length;
    const stale = writes[key]!.stale;
    if (stale === undefined) continue;
    const at = out.count;
    const process = processes * 1_000_000;
    out.op(process, 'invoke', false, key, null);
    out.op(process, 'ok', false, key, stale);
    return at;
  }
  return undefined;
}

/** NDJSON lines as the project's writer writes them, flushed in batches. */
class LineWriter {
  count = 0;
  private readonly fd: number;
  private batch: string[] = [];

  constructor(file: string, private readonly keyed: boolean) {
    this.fd = openSync(file, 'w');
  }

  op(process: number, type: string, write: boolean, key: number, value: number | null): void {
    const f = this.keyed ? (write ? 'put' : 'get') : write ? 'write' : 'read';
    const keyField = this.keyed ? `"key":"k${key}",` : '';
    const index = this.count++;
    this.batch.push(`{"index":${index},"time":${index},"process":${process},"type":"${type}","f":"${f}",${keyField}"value":${value}}`);
    if (this.batch.length === 100_000) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.batch.length > 0) writeSync(this.fd, `${this.batch.join('\n')}\n`);
    this.batch = [];
  }
}

function xorshift(seed: number): () => number {
  let state = seed >>> 0 || 1;
  // A fixed, seedable sequence: the same history every run.
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}
