export { checkLinearizable as check, checkLinearizable } from './linearizable/check.js';
export type {
  LinearizableConstraints,
  LinearizableResult,
  LinearizableResult as CheckResult,
  PartitionFailure,
  Validity,
} from './linearizable/check.js';
