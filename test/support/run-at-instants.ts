import type { Input } from '../../src/history/operation.js';
import type { Op, OpType } from '../../src/history/op.js';
import { kvExecutor, registerExecutor, setExecutor, type Executor } from './executors.js';

/** The models `linearizableHistory` builds histories for. */
export type ConstructedModel = 'register' | 'cas-register' | 'kv' | 'set';

/**
 * Applies ops at chosen instants against a direct implementation: the engine of
 * `linearizableHistory`.
 */

/** A history that is linearizable by construction, and the initial value it assumes. */
export interface ConstructedHistory {
  history: Op[];
  init: unknown;
}

/** The random choices behind one operation. */
export interface Plan {
  lane: number;
  gap: number;
  duration: number;
  at: number;
  pick: number;
  value: number;
  fate: number;
}

/** An operation laid out in time: its interval, the instant it takes effect, its input. */
export interface Planned extends Plan {
  /** Position in the plan. */
  n: number;
  call: number;
  ret: number;
  /** Strictly inside [call, ret], never on an event time. */
  instant: number;
  input: Input;
  /** The last op of its lane. */
  last: boolean;
}

type Fate = 'ok' | 'fail' | 'info-applied' | 'info-skipped';
interface Completion {
  type: OpType;
  value: unknown;
}

const INITS: Record<ConstructedModel, unknown> = { register: null, 'cas-register': 0, kv: '', set: null };

function executorFor(model: ConstructedModel): Executor<any> {
  if (model === 'kv') return kvExecutor();
  if (model === 'set') return setExecutor();
  return registerExecutor(INITS[model]);
}

// fate is 0..99: ok first (so failures shrink towards plain ok ops), then 10 fail, then info.
function fateOf(op: Planned, infoPercent: number): Fate {
  if (op.fate < 90 - infoPercent) return 'ok';
  if (op.fate < 100 - infoPercent) return 'fail';
  return op.fate < 100 - infoPercent / 2 ? 'info-applied' : 'info-skipped';
}

/**
 * Runs planned operations at their instants and writes the history a client would
 * have recorded: invokes at `call`, completions at `ret`, process ids retired after info.
 *
 * @example
 * buildConstructed('register', planned, 3, 20).history;
 */
export function buildConstructed(
  model: ConstructedModel,
  planned: Planned[],
  processes: number,
  infoPercent: number,
): ConstructedHistory {
  const completions = runAtInstants(executorFor(model), planned, infoPercent);
  const processOf = assignProcesses(planned, completions, processes);
  const events: Array<{ time: number; order: number; op: Omit<Op, 'index' | 'time'> }> = [];
  for (const op of planned) {
    const process = processOf[op.n]!;
    const { f, value } = op.input;
    const key = op.input.key === undefined ? {} : { key: op.input.key };
    events.push({ time: op.call, order: 1, op: { process, type: 'invoke', f, ...key, value } });
    const completion = completions[op.n]!;
    // A process's last indeterminate op may never complete at all: it stays open.
    if (completion.type === 'info' && op.last && op.at % 2 === 0) continue;
    events.push({ time: op.ret, order: 0, op: { process, type: completion.type, f, ...key, value: completion.value } });
  }
  // At equal times completions go first, so a process's next invoke follows its last completion.
  events.sort((a, b) => a.time - b.time || a.order - b.order);
  const history = events.map((e, index): Op => ({ index, time: e.time * 1000, ...e.op }));
  return { history, init: INITS[model] };
}

// Applies the ops in the order of their instants and records how each completes.
function runAtInstants(executor: Executor<any>, planned: Planned[], infoPercent: number): Completion[] {
  const completions: Completion[] = [];
  const byInstant = [...planned].sort((a, b) => a.instant - b.instant || a.n - b.n);
  let state: unknown = executor.init;
  for (const op of byInstant) {
    const fate = fateOf(op, infoPercent);
    const notApplied: Completion = { type: fate === 'fail' ? 'fail' : 'info', value: op.input.value };
    if (fate === 'fail' || fate === 'info-skipped') {
      completions[op.n] = notApplied;
      continue;
    }
    const run = executor.execute(state, op.input);
    if (!run.ok) {
      completions[op.n] = { type: fate === 'ok' ? 'fail' : 'info', value: op.input.value };
      continue;
    }
    state = run.next;
    completions[op.n] = fate === 'ok' ? { type: 'ok', value: run.output } : notApplied;
  }
  return completions;
}

// Jepsen retires a process after an info: the lane's next op comes from a fresh process id.
function assignProcesses(planned: Planned[], completions: Completion[], processes: number): number[] {
  const current = new Map<number, number>();
  return planned.map((op) => {
    const id = current.get(op.lane) ?? op.lane;
    if (completions[op.n]!.type === 'info') current.set(op.lane, id + processes);
    return id;
  });
}
