export {
  CHECKER_NAMES, isCheckerName, missingContext,
  type CheckContext, type Checker, type CheckerName, type Skipped, type Validity, type Verdict,
} from './checker.js';
export { checkAll, compose, isSkipped, safely, type ComposeEntry } from './compose.js';
export { CHECKERS, checkerNamed, defaultCheckerNames, type CheckerSubject } from './by-name.js';
export { checkLinearizable as check, checkLinearizable, linearizableChecker } from './linearizable/check.js';
export type {
  LinearizableAlgorithm,
  LinearizableOptions,
  LinearizableDetail,
  LinearizableVerdict,
  PartitionFailure,
} from './linearizable/check.js';
export { ANOMALY_CLASSES, ANOMALY_MEANINGS, isAnomalyClass, type AnomalyClass } from './anomaly.js';
export {
  antiEntropyUsage, checkConvergence, convergenceChecker, settleWindow,
  type AntiEntropyUsage, type ConvergenceDetail, type ConvergenceOptions, type DivergentKey, type SettleWindow,
} from './convergence.js';
export {
  checkDurability, durabilityChecker, type DurabilityDetail, type DurabilityOptions, type RecoveryPoint, type WriteEvidence,
} from './durability.js';
export {
  antiEntropyChecker, checkAntiEntropy,
  type AntiEntropyDetail, type HintFate, type MerkleAudit, type MerkleMismatch, type ReadRepairAudit, type RepairProblem,
} from './anti-entropy.js';
export {
  availabilityChecker, checkAvailability, type AvailabilityDetail, type AvailabilityOptions, type Failover, type FailoverCause,
  type FalseFailover, type FaultAvailability, type PhaseLatency,
} from './availability.js';
export { checkSessions, sessionsChecker, type SessionDetail, type SessionGuarantee, type SessionOptions, type SessionViolation } from './sessions.js';
export { checkStaleReads, staleReadsChecker, type StaleRead, type StaleReadsDetail } from './stale-reads.js';
export { checkCounter, counterChecker, type CounterDetail, type CounterOptions, type CounterViolation } from './counter.js';
export { checkSet, setChecker, type ElementFate, type SetDetail, type SetKeyReport, type SetOptions } from './set.js';
