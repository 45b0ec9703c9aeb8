import { Command, Option } from 'commander';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkerNamed, defaultCheckerNames } from '../checker/by-name.js';
import { CHECKER_NAMES, type Verdict } from '../checker/checker.js';
import { checkAll } from '../checker/compose.js';
import { replay } from '../explore/replay.js';
import { HISTORY_FORMATS, readHistory, validateHistory, type HistoryFormat, type Op } from '../history/index.js';
import { inferModel, MODELS, modelNames } from '../models/index.js';
import type { Model } from '../models/model.js';
import { modelOpCheck } from '../models/op-check.js';
import { buildReportData } from '../report/html/build-report-data.js';
import { renderOutcomeReport } from '../report/html/outcome-report.js';
import { renderHtmlReport } from '../report/html/render-html.js';
import { explainOutcome } from '../report/verdict-reason.js';
import { exitFor, UsageError } from './exit-codes.js';
import { commandAction, Output } from './output.js';
import { parseCheckerNames, parseJsonFlag, parsePath } from './parse-flags.js';
import { storeModes, verdictWord } from './run.js';

interface ReportFlags {
  out?: string;
  checkers?: string;
  model?: string;
  format?: HistoryFormat;
  init?: string;
  store?: string;
  json?: boolean;
}

/**
 * `faultline report <DIR | history file>`: one self-contained HTML page (verdicts,
 * timeline with faults, latency and throughput, messages, replica states) for a
 * saved run, re-run exactly from its scenario, or for a recorded history, checked
 * as `check` checks it. Exit code as the verdict's: 0 valid, 1 invalid, 3 unknown.
 *
 * @example
 * registerReport(program); // faultline report out/sl-async-seed7 --out sl-async.html
 */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write one self-contained HTML report for a saved run (a folder) or a recorded history file')
    .argument('<path>', 'a folder holding scenario.json (a saved run), a scenario.json, or a history file (NDJSON, Jepsen EDN or Jepsen log)')
    .option('-o, --out <file>', 'where to write the page (default: DIR/report.html for a run, FILE.report.html beside a history)')
    .option('--checkers <names>', `for a history file: comma-separated checkers: ${CHECKER_NAMES.join(', ')} (default: as check)`)
    .option('-m, --model <name>', `for a history file: sequential model: ${modelNames().join(', ')} (default: inferred)`)
    .addOption(new Option('-f, --format <format>', 'for a history file: its format (default: detected)').choices(HISTORY_FORMATS))
    .option('--init <json>', 'for a history file: initial value as JSON (default: null)')
    .option('--store <file>', 'for a saved run: the store of your own the scenario names (an ES module whose default export is a ModeDefinition)')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(commandAction(reportCommand));
}

async function reportCommand(path: string, flags: ReportFlags, out: Output): Promise<number> {
  if (!existsSync(path)) throw new UsageError(`${path}: no such file or folder`);
  const isRun = statSync(path).isDirectory() || basename(path) === 'scenario.json';
  if (isRun && (flags.checkers ?? flags.model ?? flags.format ?? flags.init) !== undefined) {
    throw new UsageError('--checkers, --model, --format and --init apply to a history file; a saved run is judged as its scenario says');
  }
  const target = flags.out === undefined ? undefined : parsePath('--out', flags.out);
  const written = isRun ? await runReport(path, flags, target) : await historyReport(path, flags, target);
  out.human(`verdict: ${verdictWord(written.verdict.valid, written.verdict.anomaly)}\nreport written to ${written.file} (${written.bytes} bytes, ${written.ops} ops, ${written.faults} faults)`);
  out.json({
    report: written.file, bytes: written.bytes, ops: written.ops, faults: written.faults,
    valid: written.verdict.valid, ...(written.verdict.anomaly === undefined ? {} : { anomaly: written.verdict.anomaly }),
  });
  return exitFor(written.verdict.valid);
}

interface Written {
  file: string;
  bytes: number;
  ops: number;
  faults: number;
  verdict: Verdict;
}

async function runReport(path: string, flags: ReportFlags, target: string | undefined): Promise<Written> {
  const modes = await storeModes(flags.store);
  const dir = statSync(path).isDirectory() ? path : dirname(path);
  const { outcome, identical, firstDifference, historyFile } = replay(path, { modes });
  // The page shows the re-run; when that is no longer the saved run, the reader must know.
  if (identical === false) {
    process.stderr.write(`warning: the re-run differs from ${historyFile} at line ${firstDifference!.line}: the report shows the re-run, not the saved history\n`);
  }
  const html = renderOutcomeReport(outcome, { title: dir, replay: `faultline replay ${dir}`, modes });
  const file = target ?? join(dir, 'report.html');
  writeFileSync(file, html);
  const clientOps = outcome.run.history.filter((op) => op.process !== 'nemesis' && op.type === 'invoke').length;
  const faults = outcome.run.history.filter((op) => op.process === 'nemesis' && op.f.startsWith('start')).length;
  return { file, bytes: Buffer.byteLength(html), ops: clientOps, faults, verdict: { ...outcome.verdict, reason: explainOutcome(outcome).sentence } };
}

async function historyReport(file: string, flags: ReportFlags, target: string | undefined): Promise<Written> {
  if (flags.model !== undefined && MODELS[flags.model] === undefined) {
    throw new UsageError(`--model: unknown model "${flags.model}" (known: ${modelNames().join(', ')})`);
  }
  const init = flags.init === undefined ? null : parseJsonFlag('--init', flags.init);
  const parsed = await readHistory(file, flags.format ? { format: flags.format } : {});
  const model = MODELS[flags.model ?? inferModel(parsed.ops).name]!({ init });
  const history = validateHistory(parsed, { checkOp: modelOpCheck(model) });
  const names = flags.checkers === undefined ? defaultCheckerNames(model.name) : parseCheckerNames('--checkers', flags.checkers);
  const verdict = checkAll(names.map((name) => checkerNamed(name, { model, initial: init })!), history.ops, {});
  const out = target ?? `${file.replace(/\.(ndjson|jsonl|json|edn|log|txt)$/i, '')}.report.html`;
  return writeHistoryReport(out, { title: file, history: history.ops, verdict, model, replay: `faultline check ${file}` });
}

/**
 * Writes the HTML report of a recorded history and its verdict (what `check
 * --report` and `report FILE` write).
 *
 * @example
 * writeHistoryReport('h.html', { title: 'h.ndjson', history: ops, verdict, model });
 */
export function writeHistoryReport(
  file: string,
  input: { title: string; history: readonly Op[]; verdict: Verdict; model: Model<any>; replay?: string },
): Written {
  const html = renderHtmlReport(buildReportData(input));
  writeFileSync(file, html);
  const ops = input.history.filter((op) => op.process !== 'nemesis' && op.type === 'invoke').length;
  const faults = input.history.filter((op) => op.process === 'nemesis' && op.f.startsWith('start')).length;
  return { file, bytes: Buffer.byteLength(html), ops, faults, verdict: input.verdict };
}

