export { checkLinearizable as check, checkLinearizable } from './linearizable/check.js';
export type {
  LinearizableConstraints,
  LinearizableResult,
  LinearizableResult as CheckResult,
  PartitionFailure,
  Validity,
} from './linearizable/check.js';
export { ANOMALY_CLASSES, ANOMALY_MEANINGS, isAnomalyClass, type AnomalyClass } from './anomaly.js';
export { compose, safely, type CheckerVerdict, type ComposeEntry, type ComposedVerdict, type SkippedChecker } from './compose.js';
export {
  antiEntropyUsage, checkConvergence, settleWindow,
  type AntiEntropyUsage, type ConvergenceDetail, type ConvergenceOptions, type DivergentKey, type SettleWindow,
} from './convergence.js';
export {
  checkDurability, type DurabilityDetail, type DurabilityOptions, type RecoveryPoint, type WriteEvidence,
} from './durability.js';
export {
  checkAntiEntropy, type AntiEntropyDetail, type HintFate, type MerkleAudit, type MerkleMismatch, type ReadRepairAudit, type RepairProblem,
} from './anti-entropy.js';
export {
  checkAvailability, type AvailabilityDetail, type AvailabilityOptions, type Failover, type FailoverCause, type FalseFailover,
  type FaultAvailability, type PhaseLatency,
} from './availability.js';
export { checkSessions, type SessionDetail, type SessionGuarantee, type SessionOptions, type SessionViolation } from './sessions.js';
export { checkStaleReads, type StaleRead, type StaleReadsDetail } from './stale-reads.js';
export { checkCounter, type CounterDetail, type CounterOptions, type CounterViolation } from './counter.js';
export { checkSet, type ElementFate, type SetDetail, type SetKeyReport, type SetOptions } from './set.js';
