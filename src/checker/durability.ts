/**
 * Durability: every acknowledged write must survive — be visible at the end, or
 * be overwritten by a write that could legitimately have come after it. The
 * verdict speaks Jepsen's set-full vocabulary (lost, stale, never-read,
 * recovered) and gives the recovery point: how many acknowledged writes were
 * lost, and the time window they span.
 */
import { stringifyExact } from '../history/exact-json.js';
import type { Op } from '../history/op.js';
import { canonicalKey } from '../models/canonical.js';
import type { ReplicaState } from '../store/definition.js';
import { clientOps } from './_internals/client-ops.js';
import { finalReadFloor, healedAtIndex, readName, replicaObservations } from './_internals/final-reads.js';
import { registerView, type RegisterKey } from './_internals/register-view.js';
import { emptyDetail, judgeKey, widenWindow, type DurabilityDetail } from './_internals/durability-tally.js';
import { seenState, type SeenState } from './_internals/write-fates.js';
import type { Checker, Verdict } from './checker.js';
import { checkCounter } from './counter.js';
import { checkSet } from './set.js';

export type { DurabilityDetail, RecoveryPoint, WriteEvidence } from './_internals/durability-tally.js';

/**
 * Options of {@link checkDurability}.
 *
 * @example
 * checkDurability(run.history, { finalStates: run.replicaStates });
 */
export interface DurabilityOptions {
  /** What the history holds: registers (read/write/cas), a set (add/read) or a counter. Default: inferred from its ops. */
  model?: 'register' | 'set' | 'counter';
  /** The registers' value before any write. Default null. */
  initial?: unknown;
  /** Replica states at the end of the run: each replica's value of a key is a final observation too. */
  finalStates?: Record<string, ReplicaState>;
  /** Writes listed in the evidence per fate (all are counted). Default 20. */
  maxListed?: number;
}

/**
 * Checks that acknowledged writes survive. Final observations of a key are the
 * reads invoked after the final heal and after every write of the key completed,
 * plus, when given, each replica's final state. Invalid ('lost-write') when an
 * acknowledged write is lost; ('unexpected-value') when a final value was never
 * written; unknown when acknowledged writes exist but no key could be judged.
 *
 * @example
 * checkDurability([
 *   { index: 0, time: 0, process: 0, type: 'invoke', f: 'write', key: 'x', value: 1 },
 *   { index: 1, time: 1e6, process: 0, type: 'ok', f: 'write', key: 'x', value: 1 },
 *   { index: 2, time: 2e6, process: 1, type: 'invoke', f: 'read', key: 'x', value: null },
 *   { index: 3, time: 3e6, process: 1, type: 'ok', f: 'read', key: 'x', value: null },
 * ]).anomaly; // 'lost-write'
 */
export function checkDurability(history: readonly Op[], options: DurabilityOptions = {}): Verdict<DurabilityDetail> {
  const model = options.model ?? inferModel(history, options.finalStates);
  if (model !== 'register') return delegate(history, model, options);
  const ops = clientOps(history);
  const healedAt = healedAtIndex(history);
  const initialId = canonicalKey(options.initial ?? null);
  const detail = emptyDetail('register');
  for (const view of registerView(ops).values()) {
    const floor = finalReadFloor(healedAt, view.writes.map((w) => w.op), () => true);
    judgeKey(view, finalSeen(view, floor, initialId, options.finalStates), detail, options.maxListed ?? 20);
  }
  return verdictOf(detail);
}

function finalSeen(view: RegisterKey, floor: number, initialId: string, states: DurabilityOptions['finalStates']): SeenState[] {
  const seen = view.reads
    .filter((read) => !read.cas && read.op.call > floor)
    .map((read) => seenState(view, readName(read.op), siblingsOf(read.op.output, view), initialId));
  for (const replica of replicaObservations(states, view.key)) seen.push(seenState(view, replica.by, replica.values, initialId));
  return seen;
}

/** A read's value as a list of siblings (a list read where no write wrote a list). */
function siblingsOf(value: unknown, view: RegisterKey): unknown[] {
  const listsWritten = view.writes.some((w) => Array.isArray(w.value));
  return Array.isArray(value) && !listsWritten ? value : [value];
}

function verdictOf(detail: DurabilityDetail): Verdict<DurabilityDetail> {
  if (detail.lost > 0) {
    const first = detail.lostWrites[0]!;
    const where = first.key === undefined ? '' : ` of key ${String(first.key)}`;
    const shown = Object.entries(first.finally).map(([by, values]) => `${by}: ${stringifyExact(values)}`).join('; ');
    const reason = `${detail.lost} of ${detail.acknowledged} acknowledged writes lost over ${detail.rpo.windowMs} ms; `
      + `p${first.process}'s write${where} of ${stringifyExact(first.value)} (acknowledged at #${first.ackIndex}) is gone: ${shown}`;
    return { valid: false, anomaly: 'lost-write', reason, detail };
  }
  if (detail.unexpected > 0) {
    const first = detail.unexpectedValues[0]!;
    return { valid: false, anomaly: 'unexpected-value', reason: `${first.by} shows ${stringifyExact(first.value)}, a value never written`, detail };
  }
  if (detail.acknowledged === 0 && detail.unjudgedKeys.length > 0) {
    return { valid: 'unknown', reason: 'no final read or replica state: cannot tell whether acknowledged writes survived', detail };
  }
  const unjudged = detail.unjudgedKeys.length === 0 ? '' : ` (${detail.unjudgedKeys.length} keys without a final read not judged)`;
  return { valid: true, reason: `all ${detail.acknowledged} acknowledged writes survived (${detail.stale} stale)${unjudged}`, detail };
}

/** Sets and counters have their own checkers; their lost writes are durability's. */
function delegate(history: readonly Op[], model: 'set' | 'counter', options: DurabilityOptions): Verdict<DurabilityDetail> {
  const common = options.finalStates === undefined ? {} : { finalStates: options.finalStates };
  const detail = emptyDetail(model);
  if (model === 'counter') {
    const verdict = checkCounter(history, common);
    detail.delegated = verdict;
    // A read above its bound is a double apply, the counter checker's finding, not a lost write.
    if (verdict.valid === false && verdict.anomaly !== 'lost-write') {
      return { valid: true, reason: `no lost increments (the counter checker reports ${verdict.anomaly})`, detail };
    }
    return { ...verdict, detail };
  }
  const verdict = checkSet(history, common);
  const set = verdict.detail!;
  Object.assign(detail, {
    acknowledged: set.acknowledged, lost: set.lost, stale: set.stale, recovered: set.recovered,
    neverRead: set.neverRead, unexpected: set.unexpected, delegated: verdict,
  });
  for (const key of set.keys) {
    if (key.lostWindowNs === undefined) continue;
    widenWindow(detail.rpo, key.lostWindowNs.first);
    widenWindow(detail.rpo, key.lostWindowNs.last);
  }
  detail.rpo.lostWrites = set.lost;
  return { ...verdict, detail };
}

/** Adds make a set or a counter: a set when a read (or a replica) holds a list. */
function inferModel(history: readonly Op[], states: DurabilityOptions['finalStates']): 'register' | 'set' | 'counter' {
  const ops = history.filter((op) => op.process !== 'nemesis');
  if (!ops.some((op) => op.f === 'add' || op.f === 'incr' || op.f === 'increment')) return 'register';
  if (ops.some((op) => op.type === 'ok' && op.f === 'read' && Array.isArray(op.value))) return 'set';
  const replicaValues = Object.values(states ?? {}).flatMap((state) => Object.values(state).flatMap((v) => v.values));
  return replicaValues.some(Array.isArray) ? 'set' : 'counter';
}

/**
 * The durability checker for registers (with their initial value), a set or a
 * counter. Final observations are the history's final reads and, when the
 * context has them, the replicas' final states.
 *
 * @example
 * durabilityChecker({ model: 'set' }).check(history.ops, {}).anomaly; // 'lost-write' when an acknowledged add is gone
 */
export function durabilityChecker(options: { model: 'register' | 'set' | 'counter'; initial?: unknown }): Checker {
  return {
    name: 'durability',
    check(history, context) {
      const judged: DurabilityOptions = options.model === 'register'
        ? { model: 'register', initial: options.initial ?? null }
        : { model: options.model };
      if (context.replicaStates !== undefined) judged.finalStates = context.replicaStates;
      return checkDurability(history, judged);
    },
  };
}
