/**
 * Walks one client's reads of one key in order and reports each broken
 * session guarantee, given what is known of the order of the key's writes.
 */
import type { RegisterKey, RegisterRead, RegisterWrite } from './register-view.js';
import type { WriteOrder } from './write-order.js';

/**
 * The four session guarantees of Terry et al.
 */
export type SessionGuarantee = 'read-your-writes' | 'monotonic-reads' | 'monotonic-writes' | 'writes-follow-reads';

/**
 * One broken guarantee: the read that broke it, what it returned, and the
 * value it should have seen at least (the session's write, or its earlier read).
 */
export interface SessionViolation {
  guarantee: SessionGuarantee;
  process: number;
  key: string | number | undefined;
  /** History index of the read's invocation. */
  readIndex: number;
  /** The values the read returned. */
  read: unknown[];
  /** The value it should have seen, or one newer. */
  atLeast: unknown;
  because: string;
}

/**
 * Orders with and without writes-follow-reads facts, to tell which guarantee a violation breaks.
 *
 * @example
 * const orders: SessionOrders = { full: new WriteOrder(view, { realTime: true, writesFollowReads: true }),
 *   withoutFollowReads: new WriteOrder(view, { realTime: true, writesFollowReads: false }) };
 */
export interface SessionOrders {
  full: WriteOrder;
  withoutFollowReads: WriteOrder;
}

/**
 * The violations in one process's reads of one key.
 *
 * @example
 * sessionViolations(view, 1, orders, 'null'); // [] for a well-behaved client
 */
export function sessionViolations(view: RegisterKey, process: number, orders: SessionOrders, initialId: string): SessionViolation[] {
  const violations: SessionViolation[] = [];
  const own = view.writes.filter((w) => w.op.process === process && w.op.outcome === 'ok');
  const reads = view.reads.filter((r) => r.op.process === process);
  let ownSeen = 0;
  let previous: { read: RegisterRead; writes: RegisterWrite[] } | undefined;
  for (const read of reads) {
    while (ownSeen < own.length && own[ownSeen]!.op.ret < read.op.call) ownSeen++;
    const seen = writesSeen(view, read, initialId);
    if (seen === undefined) continue;
    const lastOwn = own[ownSeen - 1];
    if (lastOwn !== undefined && allOlder(seen, lastOwn, orders.full)) {
      violations.push(violation('read-your-writes', view, read, lastOwn.value, `p${process} wrote it at #${lastOwn.op.invokeIndex}`));
    }
    const regressed = previous?.writes.find((p) => allOlder(seen, p, orders.full));
    if (previous !== undefined && regressed !== undefined) {
      const guarantee = classify(seen, regressed, orders);
      violations.push(violation(guarantee, view, read, regressed.value, `p${process} read it at #${previous.read.op.invokeIndex}`));
    }
    previous = { read, writes: seen.filter((w): w is RegisterWrite => w !== 'initial') };
  }
  return violations;
}

/** The writes a read saw ('initial' for the value before any write); undefined when a value is unknown. */
function writesSeen(view: RegisterKey, read: RegisterRead, initialId: string): Array<RegisterWrite | 'initial'> | undefined {
  const seen: Array<RegisterWrite | 'initial'> = [];
  for (const id of read.observed) {
    const writes = view.writesById.get(id);
    if (writes === undefined) {
      if (id !== initialId) return undefined;
      seen.push('initial');
    } else seen.push(...writes);
  }
  return seen;
}

/** Every value seen is certainly older than `reference` (the initial value is older than any write). */
function allOlder(seen: ReadonlyArray<RegisterWrite | 'initial'>, reference: RegisterWrite, order: WriteOrder): boolean {
  return seen.every((w) => w === 'initial' || order.before(w, reference));
}

/**
 * Going back in time breaks monotonic reads, unless it needed a writes-follow-reads
 * fact to be known (then that guarantee broke), or both values came from one
 * session's writes in order (then monotonic writes did).
 */
function classify(seen: ReadonlyArray<RegisterWrite | 'initial'>, regressed: RegisterWrite, orders: SessionOrders): SessionGuarantee {
  if (!allOlder(seen, regressed, orders.withoutFollowReads)) return 'writes-follow-reads';
  const sameWriter = seen.every((w) => w !== 'initial' && w.op.process === regressed.op.process && w.op.call < regressed.op.call);
  return sameWriter ? 'monotonic-writes' : 'monotonic-reads';
}

function violation(guarantee: SessionGuarantee, view: RegisterKey, read: RegisterRead, atLeast: unknown, because: string): SessionViolation {
  const values = read.cas ? [(read.op.input as unknown[])[0]] : Array.isArray(read.op.output) && read.observed.length > 1 ? read.op.output : [read.op.output];
  return { guarantee, process: read.op.process, key: view.key, readIndex: read.op.invokeIndex, read: values, atLeast, because };
}
