import type { ComposeEntry } from '../checker/compose.js';
import type { Op } from '../history/op.js';
import type { SimRandom } from '../sim/rng.js';
import { checkFinalCounter } from './checks/final-counter.js';
import { checkFinalSets } from './checks/final-sets.js';
import { checkEcho, checkUniqueIds } from './checks/echo-ids.js';
import { checkLinKv } from './checks/lin-kv.js';
import type { Body } from './protocol.js';

/**
 * The workloads `faultline test --workload` drives.
 *
 * @example
 * EXTERNAL_WORKLOADS.includes('broadcast'); // true
 */
export const EXTERNAL_WORKLOADS = ['echo', 'unique-ids', 'broadcast', 'g-set', 'g-counter', 'pn-counter', 'lin-kv'] as const;
export type ExternalWorkloadName = (typeof EXTERNAL_WORKLOADS)[number];

/** One op a client is about to invoke: what the history records, and the request body. */
export interface PlannedOp {
  f: string;
  key?: number;
  value: unknown;
  body: Omit<Body, 'msg_id'>;
}

/** What a checker of an external run may use besides the history. */
export interface RunFacts {
  nodeIds: readonly string[];
  /** Ops from this index on are the final reads (after faults healed and the settle period). */
  finalFromIndex: number;
  /** Messages between server nodes over the run. */
  serverMessages: number;
  /** Budget for the linearizability search, ms. */
  checkTimeoutMs: number;
}

/**
 * A workload against external nodes: how clients make ops, what an `_ok`
 * reply's value is, whether it needs a topology and final reads, and the checks.
 */
export interface ExternalWorkload {
  name: ExternalWorkloadName;
  topology: boolean;
  /** The op a client makes next; `unique` is a value never used by another op of the run. */
  next(rng: SimRandom, unique: number): PlannedOp;
  /** The value of an `_ok` reply to `op`, or why the reply is malformed. */
  okValue(op: PlannedOp, reply: Body): { value: unknown } | { problem: string };
  /** The read each node answers after the settle period, or none. */
  finalRead?: PlannedOp;
  checks(history: readonly Op[], facts: RunFacts): Record<string, ComposeEntry>;
}

const READ: PlannedOp = { f: 'read', value: null, body: { type: 'read' } };

function expectOk(op: PlannedOp, reply: Body, field?: string, test?: (value: unknown) => boolean): { value: unknown } | { problem: string } {
  if (reply.type !== `${op.body.type}_ok`) return { problem: `expected ${op.body.type}_ok, got ${JSON.stringify(reply.type)}` };
  if (field === undefined) return { value: op.value };
  if (!(field in reply) || (test !== undefined && !test(reply[field]))) return { problem: `${reply.type} without a valid "${field}"` };
  return { value: reply[field] };
}

const isArray = (value: unknown): boolean => Array.isArray(value);
const isNumber = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

/** A set-like workload: adds of unique elements, reads of the whole set. */
function setWorkload(name: 'broadcast' | 'g-set', add: string, element: string, readField: string): ExternalWorkload {
  return {
    name,
    topology: name === 'broadcast',
    next: (rng, unique) => (rng.chance(0.5) ? { f: 'add', value: unique, body: { type: add, [element]: unique } } : READ),
    okValue: (op, reply) => (op.f === 'read' ? expectOk(op, reply, readField, isArray) : expectOk(op, reply)),
    finalRead: READ,
    checks: (history, facts) => checkFinalSets(history, facts, name === 'broadcast'),
  };
}

function counterWorkload(name: 'g-counter' | 'pn-counter'): ExternalWorkload {
  return {
    name,
    topology: false,
    next: (rng) => {
      if (rng.chance(0.5)) return READ;
      const delta = name === 'g-counter' ? rng.int(1, 5) : rng.int(-5, 5);
      return { f: 'add', value: delta, body: { type: 'add', delta } };
    },
    okValue: (op, reply) => (op.f === 'read' ? expectOk(op, reply, 'value', isNumber) : expectOk(op, reply)),
    finalRead: READ,
    checks: (history, facts) => ({ counter: () => checkFinalCounter(history, facts) }),
  };
}

/** Keys and values of lin-kv: few of each, so ops contend and cas often fails. */
const KV_KEYS = 3;
const KV_VALUES = 5;

/**
 * The workloads by name.
 *
 * @example
 * EXTERNAL_WORKLOAD_DEFS['lin-kv'].next(rng, 0); // e.g. { f: 'cas', key: 1, value: [2, 4], body: {...} }
 */
export const EXTERNAL_WORKLOAD_DEFS: Readonly<Record<ExternalWorkloadName, ExternalWorkload>> = {
  echo: {
    name: 'echo',
    topology: false,
    next: (_rng, unique) => ({ f: 'echo', value: `please echo ${unique}`, body: { type: 'echo', echo: `please echo ${unique}` } }),
    okValue: (op, reply) => expectOk(op, reply, 'echo'),
    checks: (history) => ({ echo: () => checkEcho(history) }),
  },
  'unique-ids': {
    name: 'unique-ids',
    topology: false,
    next: () => ({ f: 'generate', value: null, body: { type: 'generate' } }),
    okValue: (op, reply) => expectOk(op, reply, 'id', (id) => id !== undefined && id !== null),
    checks: (history) => ({ 'unique-ids': () => checkUniqueIds(history) }),
  },
  broadcast: setWorkload('broadcast', 'broadcast', 'message', 'messages'),
  'g-set': setWorkload('g-set', 'add', 'element', 'value'),
  'g-counter': counterWorkload('g-counter'),
  'pn-counter': counterWorkload('pn-counter'),
  'lin-kv': {
    name: 'lin-kv',
    topology: false,
    next: (rng) => {
      const key = rng.int(0, KV_KEYS - 1);
      const roll = rng.next();
      if (roll < 0.4) return { f: 'read', key, value: null, body: { type: 'read', key } };
      if (roll < 0.7) {
        const value = rng.int(0, KV_VALUES - 1);
        return { f: 'write', key, value, body: { type: 'write', key, value } };
      }
      const [from, to] = [rng.int(0, KV_VALUES - 1), rng.int(0, KV_VALUES - 1)];
      return { f: 'cas', key, value: [from, to], body: { type: 'cas', key, from, to } };
    },
    okValue: (op, reply) => (op.f === 'read' ? expectOk(op, reply, 'value') : expectOk(op, reply)),
    checks: (history, facts) => ({ linearizable: () => checkLinKv(history, facts.checkTimeoutMs) }),
  },
};
