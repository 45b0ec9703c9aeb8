import type { Verdict } from '../../checker/checker.js';
import type { AvailabilityDetail } from '../../checker/availability.js';
import type { PartitionFailure } from '../../checker/linearizable/check.js';
import type { Op } from '../../history/op.js';
import { stringifyExact } from '../../history/exact-json.js';
import type { Model } from '../../models/model.js';
import type { Scenario } from '../../run/scenario.js';
import type { TraceEvent } from '../../sim/trace.js';
import type { ReplicaState } from '../../store/definition.js';
import { describeScenario } from '../scenario-words.js';
import { faultBands } from './fault-bands.js';
import { messageView } from './message-view.js';
import { opColumns } from './op-columns.js';
import { replicaView } from './replica-view.js';
import type { AvailabilityView, LinearizabilityMarks, OpColumns, ReportData } from './report-data.js';

/**
 * What a report is made from: a history and its verdict, and whatever else is known
 * (a simulated run knows its scenario, trace and final replica states; a recorded
 * history only itself).
 *
 * @example
 * const input: ReportInput = { title: 'h.ndjson', history, verdict, model };
 */
export interface ReportInput {
  title: string;
  history: readonly Op[];
  verdict: Verdict;
  /** The one-sentence reason (default: the verdict's own). */
  reason?: string;
  /** The sequential model, to say the model's state after each linearized op. */
  model?: Model<any>;
  /** The linearizability failure to mark (default: the verdict's first, when it has one). */
  failure?: PartitionFailure;
  scenario?: Scenario;
  replay?: string;
  trace?: readonly TraceEvent[];
  replicaStates?: Record<string, ReplicaState>;
}

/**
 * The JSON a report page draws, from a history, its verdict and what else is known.
 *
 * @example
 * const data = buildReportData({ title: 'out/sl-async-seed1', history, verdict });
 * data.ops.label.length; // one per client op
 */
export function buildReportData(input: ReportInput): ReportData {
  const { processes, ops } = opColumns(input.history);
  const faults = faultBands(input.history);
  const failure = input.failure ?? failureIn(input.verdict);
  const linearizability = failure === undefined ? undefined : marksOf(failure, ops, input.model);
  const blockedAt = linearizability?.blocked == null ? undefined : (ops.endMs[linearizability.blocked] ?? ops.startMs[linearizability.blocked]);
  const messages = input.trace === undefined ? undefined : messageView(input.trace, blockedAt);
  const availability = availabilityOf(input.verdict);
  const { valid, anomaly } = input.verdict;
  return {
    title: input.title,
    verdict: { valid, ...(anomaly === undefined ? {} : { anomaly }), reason: input.reason ?? input.verdict.reason },
    checks: checksOf(input.verdict),
    ...(input.scenario === undefined ? {} : { scenario: describeScenario(input.scenario) }),
    ...(input.replay === undefined ? {} : { replay: input.replay }),
    processes,
    ops,
    faults,
    ...(linearizability === undefined ? {} : { linearizability }),
    ...(availability === undefined ? {} : { availability }),
    ...(messages === undefined ? {} : { messages }),
    ...(input.replicaStates === undefined ? {} : { replicas: replicaView(input.replicaStates) }),
    span: spanOf(ops, faults),
  };
}

function checksOf(verdict: Verdict): ReportData['checks'] {
  const entries = Object.entries(verdict.checks ?? {});
  if (entries.length === 0) return [{ name: 'verdict', valid: verdict.valid, ...(verdict.anomaly ? { anomaly: verdict.anomaly } : {}), reason: verdict.reason }];
  return entries.map(([name, check]) => ('skipped' in check
    ? { name, valid: 'skipped' as const, reason: check.skipped }
    : { name, valid: check.valid, ...(check.anomaly ? { anomaly: check.anomaly } : {}), reason: check.reason }));
}

/** The linearizable checker's first failure, when the verdict still holds it as the checker made it. */
function failureIn(verdict: Verdict): PartitionFailure | undefined {
  // The linearizable checker's own verdict (not-linearizable, or unexpected-value for a value nobody wrote)
  // or a composed one holding it; only its detail has failures with a linearized prefix.
  const check = verdict.checks?.linearizable ?? verdict;
  if (check === undefined || 'skipped' in check) return undefined;
  const failure = (check.detail as { failures?: PartitionFailure[] } | undefined)?.failures?.[0];
  return failure !== undefined && Array.isArray(failure.linearized) ? failure : undefined;
}

function marksOf(failure: PartitionFailure, ops: OpColumns, model: Model<any> | undefined): LinearizabilityMarks {
  const position = new Map(ops.index.map((index, i) => [index, i]));
  const at = (invokeIndex: number): number | undefined => position.get(invokeIndex);
  const state = (value: unknown): string => model?.describeState?.(value) ?? stringifyExact(value) ?? String(value);
  const linearized = failure.linearized.filter(({ op }) => at(op.invokeIndex) !== undefined);
  return {
    ...(failure.key === undefined ? {} : { key: failure.key }),
    order: linearized.map(({ op }) => at(op.invokeIndex)!),
    statesAfter: linearized.map(({ stateAfter }) => state(stateAfter)),
    initialState: model === undefined ? '(the model\'s initial state)' : state(model.init()),
    blocked: failure.blocked === undefined ? null : (at(failure.blocked.invokeIndex) ?? null),
    candidates: failure.candidates.map((op) => at(op.invokeIndex)).filter((i): i is number => i !== undefined),
  };
}

function availabilityOf(verdict: Verdict): AvailabilityView | undefined {
  const check = verdict.checks?.availability;
  if (check === undefined || 'skipped' in check) return undefined;
  const detail = check.detail as AvailabilityDetail | undefined;
  if (detail === undefined || !Array.isArray(detail.phases)) return undefined;
  return {
    phases: detail.phases.map(({ phase, ops, ok, fail, info, p50Ms, p99Ms }) => ({ phase, ops, ok, fail, info, p50Ms, p99Ms })),
    faults: detail.faults.map(({ fault, startMs, endMs, rtoMs, ops, ok }) => ({ fault, startMs, endMs, rtoMs, ops, ok })),
  };
}

function spanOf(ops: OpColumns, faults: ReportData['faults']): ReportData['span'] {
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (let i = 0; i < ops.startMs.length; i++) {
    fromMs = Math.min(fromMs, ops.startMs[i]!);
    toMs = Math.max(toMs, ops.endMs[i] ?? ops.startMs[i]!);
  }
  for (const band of faults) {
    fromMs = Math.min(fromMs, band.startMs);
    toMs = Math.max(toMs, band.endMs ?? band.startMs);
  }
  if (!Number.isFinite(fromMs)) return { fromMs: 0, toMs: 1 };
  return toMs > fromMs ? { fromMs, toMs } : { fromMs, toMs: fromMs + 1 };
}
