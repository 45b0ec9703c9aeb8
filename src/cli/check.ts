import { Command, Option } from 'commander';
import { totalmem } from 'node:os';
import pc from 'picocolors';
import { CHECKER_NAMES, defaultCheckerNames, type Checker, type CheckerName, type Verdict } from '../checker/checker.js';
import { checkAll, compose } from '../checker/compose.js';
import { checkLinearizableColumns } from '../checker/linearizable/check-columns.js';
import { linearizableChecker, type LinearizableDetail } from '../checker/linearizable/check.js';
import { HISTORY_FORMATS, inferenceSample, pairOperations, pairOpColumns, readOpColumns, ReadAbortedError, validateHistory, type HistoryFormat, type ParsedHistory } from '../history/index.js';
import { inferModel, MODELS, modelNames, type InferredModel, type NilReads } from '../models/index.js';
import type { Model } from '../models/model.js';
import { modelOpCheck } from '../models/op-check.js';
import { checkJson, explainFailure } from '../report/linearizability-report.js';
import { EXIT, exitFor, UsageError } from './exit-codes.js';
import { nilReadsFor, nilReadsOption, readHistoryArgument } from './history-input.js';
import { commandAction, Output } from './output.js';
import { parseCheckerNames, parseJsonFlag, parsePath, parseSeconds } from './parse-flags.js';

interface CheckFlags {
  model?: string;
  format?: HistoryFormat;
  init?: string;
  nilReads?: NilReads;
  timeout?: string;
  maxMemory?: string;
  checkers?: string;
  report?: string;
  json?: boolean;
}

/**
 * `faultline check <file>`: is a recorded history linearizable, and does it keep
 * the other promises its checkers judge (a set's adds survive, a counter's reads
 * stay within bounds, sessions hold)?
 *
 * @example
 * registerCheck(program); // faultline check history.edn --model set --checkers linearizable,set,durability
 */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check a recorded history (NDJSON, Jepsen EDN or Jepsen log): linearizability and the checkers its model implies')
    .argument('<file>', 'the history file (gzip or not), or - for standard input')
    .option('-m, --model <name>', `sequential model: ${modelNames().join(', ')} (default: inferred from the ops)`)
    .addOption(new Option('-f, --format <format>', 'history format (default: detected from the content)').choices(HISTORY_FORMATS))
    .option('--init <json>', 'initial value as JSON, e.g. 0, \'""\' or \'{"x":0}\' (default: null, Jepsen\'s nil)')
    .addOption(nilReadsOption())
    .option('--timeout <seconds>', 'search budget; when it runs out the verdict is unknown (exit 3) (default: none)')
    .option('--max-memory <size>', `memory budget, e.g. 2GB or 512MB; when it runs out the verdict is unknown (exit 3) (default: ${formatBytes(defaultMaxMemoryBytes())})`)
    .option(
      '--checkers <names>',
      `comma-separated checkers: ${CHECKER_NAMES.join(', ')} (default: linearizable; a set adds set and durability, a counter adds counter)`,
    )
    .option('--report <file>', 'also write an HTML report of the history and its verdict to FILE')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(commandAction(runCheck));
}

async function runCheck(file: string, flags: CheckFlags, out: Output): Promise<number> {
  const init = flags.init === undefined ? null : parseJsonFlag('--init', flags.init);
  const timeoutSeconds = flags.timeout === undefined ? undefined : parseSeconds('--timeout', flags.timeout);
  const maxMemoryBytes = flags.maxMemory === undefined ? defaultMaxMemoryBytes() : parseBytes('--max-memory', flags.maxMemory);
  if (flags.model !== undefined && MODELS[flags.model] === undefined) {
    throw new UsageError(`--model: unknown model "${flags.model}" (known: ${modelNames().join(', ')})`);
  }
  const requested = flags.checkers === undefined ? undefined : parseCheckerNames('--checkers', flags.checkers);
  // --timeout covers reading too: a file too large to read within it is unknown, like a search.
  const readSignal = timeoutSeconds === undefined ? undefined : AbortSignal.timeout(Math.min(2 ** 31 - 1, Math.max(1, Math.ceil(timeoutSeconds * 1000 - performance.now()))));
  // --timeout is wall-clock for the whole command: reading a large file and pairing its
  // ops take seconds, so the check gets what is left (performance.now() counts from the
  // process's start). At least 1 ms: a check that cannot start is unknown, not skipped.
  const timeLeft = (): number | undefined => (timeoutSeconds === undefined ? undefined : Math.max(1, timeoutSeconds * 1000 - performance.now()));
  let checked: Checked;
  try {
    checked = (columnsMayApply(file, flags, requested) ? checkedFromColumns(file, flags, init, maxMemoryBytes, timeLeft, readSignal) : undefined)
      ?? await checkedFromOps(file, flags, init, requested, maxMemoryBytes, timeLeft, readSignal);
  } catch (error) {
    if (!(error instanceof ReadAbortedError)) throw error;
    const reason = `the ${flags.timeout} s budget ran out while reading the file (${error.linesRead} line(s) read)`;
    out.human(pc.yellow(`unknown: ${reason}`));
    out.json({ file: error.file, valid: 'unknown', reason, elapsedMs: performance.now() });
    return EXIT.UNKNOWN;
  }
  const { parsed, model, inferred, checkers, verdict, elapsedMs } = checked;
  const linearizable = linearizableDetail(verdict);
  const ops = linearizable?.ops ?? pairOperations(checked.history!.ops).length;

  out.human(`${pc.bold(parsed.file)} (${parsed.format}): ${ops} ops` +
    (linearizable === undefined ? '' : `, ${linearizable.partitions} partition(s)`) + `, model ${model.name}` +
    (inferred ? ` (inferred: ${inferred.reason})` : '') +
    (model.nilReads === undefined ? '' : `, nil reads: ${model.nilReads}`));
  for (const line of humanVerdicts(verdict, checkers, model, flags.timeout)) out.human(line);
  if (flags.report !== undefined) {
    // Loaded only when asked for: every other check starts without the report's modules.
    const { writeHistoryReport } = await import('./report.js');
    const written = writeHistoryReport(parsePath('--report', flags.report), { title: file, history: checked.history!.ops, verdict, model, replay: `faultline check ${file}` });
    process.stderr.write(`report written to ${written.file}\n`);
  }
  out.json(checkJson(verdict, {
    file: parsed.file, format: parsed.format, model: model.name, ops, elapsedMs,
    ...(model.nilReads === undefined ? {} : { nilReads: model.nilReads }),
    ...(inferred ? { inferred: inferred.reason } : {}),
    ...(linearizable ? { linearizable } : {}),
  }));
  return exitFor(verdict.valid);
}

/** A history read, its model, and the checkers' verdict on it. */
interface Checked {
  parsed: Pick<ParsedHistory, 'file' | 'format'>;
  /** The validated history; absent when it was read and checked as columns. */
  history?: ParsedHistory;
  model: Model<any>;
  inferred: InferredModel | undefined;
  checkers: readonly Checker[];
  verdict: Verdict;
  elapsedMs: number;
}

/** Read and checked the general way: ops as objects, every checker, every model. */
async function checkedFromOps(
  file: string, flags: CheckFlags, init: unknown, requested: CheckerName[] | undefined,
  maxMemoryBytes: number, timeLeft: () => number | undefined, signal: AbortSignal | undefined,
): Promise<Checked> {
  const parsed = await readHistoryArgument(file, { ...(flags.format ? { format: flags.format } : {}), ...(signal ? { signal } : {}) });
  const inferred = flags.model === undefined ? inferModel(parsed.ops) : undefined;
  const model = MODELS[flags.model ?? inferred!.name]!({ init, nilReads: nilReadsFor(flags.nilReads, parsed.format) });
  const history = validateHistory(parsed, { checkOp: modelOpCheck(model) });
  const checkers = await checkersNamed(requested ?? defaultCheckerNames(model.name), model, init);
  const started = performance.now();
  const timeoutMs = timeLeft();
  // Validated above against the model's ops: the checkers need not do it again.
  const verdict = checkAll(checkers, history.ops, { maxMemoryBytes, historyValidated: true, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  return { parsed, history, model, inferred, checkers, verdict, elapsedMs: performance.now() - started };
}

/**
 * The checkers of these names. Most checks run linearizability alone, whose module is
 * loaded already; the other checkers' modules are loaded only when one is named, so
 * that a check starts as fast as it can.
 */
async function checkersNamed(names: readonly CheckerName[], model: Model<any>, initial: unknown): Promise<Checker[]> {
  if (names.every((name) => name === 'linearizable')) return names.map(() => linearizableChecker({ model }));
  const { checkerNamed } = await import('../checker/by-name.js');
  return names.map((name) => checkerNamed(name, { model, initial })!);
}

/**
 * Whether the history may be read as columns: a file (not standard input), NDJSON or
 * undetected, only the linearizable checker (the default for registers), no report,
 * and a register or kv model if one is named. Whether it is, the reading tells.
 */
function columnsMayApply(file: string, flags: CheckFlags, requested: CheckerName[] | undefined): boolean {
  return file !== '-' && (flags.format === undefined || flags.format === 'ndjson') && flags.report === undefined &&
    (requested === undefined || (requested.length === 1 && requested[0] === 'linearizable')) &&
    (flags.model === undefined || flags.model === 'register' || flags.model === 'kv');
}

/**
 * Read as columns and checked in O(n log n) (see checkLinearizableColumns): the way a
 * history of millions of plain register ops is checked in seconds. Undefined when the
 * file or its ops are not that case, for the general way to read and check.
 */
function checkedFromColumns(
  file: string, flags: CheckFlags, init: unknown, maxMemoryBytes: number,
  timeLeft: () => number | undefined, signal: AbortSignal | undefined,
): Checked | undefined {
  const columns = readOpColumns(file, signal ? { signal } : {});
  if (columns === undefined) return undefined;
  const inferred = flags.model === undefined ? inferModel(inferenceSample(columns)) : undefined;
  const model = MODELS[flags.model ?? inferred!.name]!({ init, nilReads: nilReadsFor(flags.nilReads, 'ndjson') });
  if (model.name !== 'register' && model.name !== 'kv') return undefined;
  const operations = pairOpColumns(columns);
  if (operations === undefined) return undefined;
  const started = performance.now();
  const timeoutMs = timeLeft();
  const linearizable = checkLinearizableColumns(operations, columns.strings, model, { maxMemoryBytes, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  if (linearizable === undefined) return undefined;
  return {
    parsed: { file: columns.file, format: 'ndjson' }, model, inferred,
    checkers: [{ name: 'linearizable', check: () => linearizable }],
    verdict: compose({ linearizable }),
    elapsedMs: performance.now() - started,
  };
}

/** The search detail of the linearizable checker, when it ran and finished with its evidence. */
function linearizableDetail(verdict: Verdict): LinearizableDetail | undefined {
  const check = verdict.checks?.linearizable;
  if (check === undefined || 'skipped' in check) return undefined;
  const detail = check.detail as LinearizableDetail | undefined;
  return detail !== undefined && Array.isArray(detail.failures) ? detail : undefined;
}

/** One line per checker (the linearizable one as it always read, with the failing partitions explained). */
function humanVerdicts(verdict: Verdict, checkers: readonly Checker[], model: Model<any>, timeout: string | undefined): string[] {
  const lines: string[] = [];
  for (const { name } of checkers) {
    const check = verdict.checks?.[name];
    if (check === undefined || 'skipped' in check) continue;
    if (name === 'linearizable') lines.push(...linearizableLines(check, model, timeout));
    else lines.push(checkerLine(name, check));
  }
  return lines;
}

function linearizableLines(check: Verdict, model: Model<any>, timeout: string | undefined): string[] {
  const detail = check.detail as LinearizableDetail | undefined;
  if (detail === undefined) return [checkerLine('linearizable', check)];
  const ms = `${detail.elapsedMs.toFixed(1)} ms${detail.algorithm === 'search' ? '' : `, ${ALGORITHM_WORDS[detail.algorithm]}`}`;
  if (check.valid === true) return [pc.green(`valid: linearizable (${ms})`)];
  if (check.valid === 'unknown') {
    if (detail.stoppedBy === 'memory') return [pc.yellow(`unknown: ${check.reason}`)];
    return [pc.yellow(`unknown: the ${timeout} s budget ran out before the search finished`)];
  }
  return [pc.red(`invalid: not linearizable (${ms})`), ...detail.failures.map((failure) => `\n${explainFailure(failure, model)}`)];
}

/** How the partitions were decided, in words, when not (only) by search. */
const ALGORITHM_WORDS = {
  'unique-values': 'without search: unique written values',
  both: 'some keys without search: unique written values',
} as const;

function checkerLine(name: string, check: Verdict): string {
  if (check.valid === true) return pc.green(`valid: ${name}: ${check.reason}`);
  if (check.valid === 'unknown') return pc.yellow(`unknown: ${name}: ${check.reason}`);
  return pc.red(`invalid: ${name} (${check.anomaly ?? 'violation'}): ${check.reason}`);
}

/**
 * The default memory budget: 4 GB, or half the machine's memory when it has less,
 * so a hard history ends in `unknown` long before the machine starts swapping.
 */
function defaultMaxMemoryBytes(): number {
  return Math.min(4 * 2 ** 30, Math.floor(totalmem() / 2));
}

const BYTE_UNITS = { B: 1, KB: 2 ** 10, MB: 2 ** 20, GB: 2 ** 30, TB: 2 ** 40 } as const;

/** A size like `2GB`, `512MB` or `1.5gb` (binary units), in bytes; a bare number is MB. */
function parseBytes(flag: string, text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?b)?\s*$/i.exec(text);
  const unit = (match?.[2]?.toUpperCase() ?? 'MB') as keyof typeof BYTE_UNITS;
  const bytes = match === null ? NaN : Number(match[1]) * BYTE_UNITS[unit];
  // Below 64 MB the process itself does not fit: the search could never start.
  if (!(bytes >= 64 * 2 ** 20) || !Number.isFinite(bytes)) {
    throw new UsageError(`${flag}: expected a size of at least 64MB such as 512MB or 2GB, got ${JSON.stringify(text)}`);
  }
  return Math.floor(bytes);
}

function formatBytes(bytes: number): string {
  return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1).replace(/\.0$/, '')} GB` : `${Math.round(bytes / 2 ** 20)} MB`;
}
