/**
 * Histories: the Op records clients saw, read from and written to NDJSON, Jepsen EDN
 * and Jepsen logs, checked for structure, and paired into operations for the checkers.
 */
export type { Op, OpType, Process } from './op.js';
export { OP_TYPES } from './op.js';
export type { Input, Output, Operation } from './operation.js';
export { HistoryError, describeInput, failAt, type SourceLocation } from './errors.js';
export { HISTORY_FORMATS, historyFromOps, lineOf, type HistoryFormat, type ParsedHistory } from './parsed-history.js';
export { classifyLine, detectFormat, FormatSniffer, FORMAT_SNIFF_LINES } from './detect-format.js';
export { readHistory, parseHistoryText, ReadAbortedError, type ReadHistoryOptions } from './read-history.js';
export { DEFAULT_HISTORY_LIMITS, type HistoryLimits } from './limits.js';
export { formatNdjsonOp, writeNdjson } from './ndjson-writer.js';
export { ednValue, formatEdnOp, writeEdn } from './edn-writer.js';
export { holdsRoundedInteger, parseJsonExact, stringifyExact } from './exact-json.js';
export { writeHistory, type WriteHistoryOptions } from './write-history.js';
export { opShapeProblem, type OpProblem } from './op-shape.js';
export { NEVER_COMPLETED, validateHistory, type ValidateHistoryOptions } from './validate-history.js';
export { pairInvocations, pairOperations, type Invocation } from './pair.js';
export { JEPSEN_LOG_OP_LINE } from './_internals/jepsen-log-decoder.js';
export { NULL_VALUE, pairOpColumns, valueOfKey, type OpColumns, type OperationColumns } from './op-columns.js';
export { inferenceSample, opAt, readOpColumns } from './read-op-columns.js';
