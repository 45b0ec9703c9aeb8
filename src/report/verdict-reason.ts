import { WORKLOADS } from '../../workloads/index.js';
import { checkLinearizable, type PartitionFailure } from '../checker/index.js';
import type { ScenarioOutcome } from '../run/run-scenario.js';
import type { Operation } from '../history/operation.js';
import { pairOperations } from '../history/pair.js';
import type { Model } from '../models/model.js';
import { explainLinearizability } from './reason.js';

/**
 * A verdict explained: the one-sentence reason, and for a linearizability failure the
 * model and the checker's evidence (to draw and to find the trace lines that led there).
 *
 * @example
 * const { sentence, failure } = explainOutcome(outcome);
 */
export interface OutcomeExplanation {
  sentence: string;
  model?: Model<any>;
  failure?: PartitionFailure;
  /** The ops the sentence names (the failing op first). */
  cited?: Operation[];
}

/** Budget for re-checking a history whose verdict carries no usable evidence. */
const RECHECK_TIMEOUT_MS = 10_000;

/**
 * Explains an outcome in one sentence. For a history that is not linearizable the
 * sentence names the ops (see explainLinearizability), from the checker's
 * evidence in the verdict or, when the verdict lost it (read back from JSON), from a
 * fresh check; for every other verdict it is the verdict's own reason.
 *
 * @example
 * explainOutcome(outcome).sentence;
 * // 'p3 read 2, but write 2 by p1 was overwritten by write 3 of p0, which completed before the read began'
 */
export function explainOutcome(outcome: ScenarioOutcome): OutcomeExplanation {
  const { verdict, run } = outcome;
  const model = modelOf(outcome);
  if (verdict.valid !== false || verdict.anomaly !== 'not-linearizable' || model === undefined) {
    return { sentence: verdict.reason, ...(model ? { model } : {}) };
  }
  try {
    const failure = evidenceIn(verdict.checks ?? {})
      ?? checkLinearizable(run.history, model, { timeoutMs: RECHECK_TIMEOUT_MS }).detail.failures[0];
    if (failure === undefined) return { sentence: verdict.reason, model };
    const { sentence, cited } = explainLinearizability(failure, model, pairOperations(run.history));
    return { sentence, model, failure, cited };
  } catch {
    // An explanation is a courtesy: when it cannot be made, the checker's own reason stands.
    return { sentence: verdict.reason, model };
  }
}

/**
 * The workload's model, or undefined when the workload is unknown.
 *
 * @example
 * modelOf(outcome)?.name; // 'register'
 */
export function modelOf(outcome: ScenarioOutcome): Model<any> | undefined {
  return WORKLOADS[outcome.scenario.workload.workload]?.model;
}

/** The first failure of the linearizable check, when it is still the checker's own (ret a number). */
function evidenceIn(checks: Record<string, unknown>): PartitionFailure | undefined {
  const check = checks.linearizable as { detail?: { failures?: unknown[] }; failures?: unknown[] } | undefined;
  const failure = (check?.detail?.failures ?? check?.failures)?.[0] as PartitionFailure | undefined;
  if (failure === undefined || !Array.isArray(failure.linearized) || !Array.isArray(failure.candidates)) return undefined;
  return failure.blocked === undefined || typeof failure.blocked.ret === 'number' ? failure : undefined;
}
