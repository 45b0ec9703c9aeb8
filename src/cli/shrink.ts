import { Command, Option } from 'commander';
import pc from 'picocolors';
import { shrinkHistory, type HistoryShrinkResult } from '../explore/shrink-history.js';
import { HISTORY_FORMATS, pairOperations, validateHistory, writeHistory, type HistoryFormat } from '../history/index.js';
import type { Operation } from '../history/operation.js';
import { inferModel, MODELS, modelNames, type NilReads } from '../models/index.js';
import type { Model } from '../models/model.js';
import { modelOpCheck } from '../models/op-check.js';
import { renderHistoryTimeline } from '../report/history-timeline.js';
import { counterexampleOps } from '../report/linearizability-report.js';
import { linearizabilityReason } from '../report/reason.js';
import { EXIT, UsageError } from './exit-codes.js';
import { nilReadsFor, nilReadsOption, readHistoryArgument } from './history-input.js';
import { commandAction, Output } from './output.js';
import { parseJsonFlag, parseSeconds } from './parse-flags.js';

interface ShrinkFlags {
  model?: string;
  format?: HistoryFormat;
  init?: string;
  nilReads?: NilReads;
  timeout?: string;
  out?: string;
  json?: boolean;
}

/**
 * `faultline shrink <history>`: a sound minimisation of a recorded history that is
 * not linearizable (see shrinkHistory): exit 1 with the smaller history, 0 when the
 * history is linearizable (nothing to shrink), 3 when the check ran out of time.
 *
 * @example
 * registerShrink(program); // faultline shrink etcd.log --model cas-register --out small.ndjson
 */
export function registerShrink(program: Command): void {
  program
    .command('shrink')
    .description('shrink a recorded history that is not linearizable to a smaller one whose failure implies the original\'s')
    .argument('<history>', 'the history file (NDJSON, Jepsen EDN or Jepsen log, gzip or not), or - for standard input')
    .option('-m, --model <name>', `sequential model: ${modelNames().join(', ')} (default: inferred from the ops)`)
    .addOption(new Option('-f, --format <format>', 'history format (default: detected from the content)').choices(HISTORY_FORMATS))
    .option('--init <json>', 'initial value as JSON (default: null, Jepsen\'s nil)')
    .addOption(nilReadsOption())
    .option('--timeout <seconds>', 'budget of each check; a step whose check runs out is not taken (default 10)')
    .option('-o, --out <file>', 'write the shrunk history here (.edn for Jepsen EDN, else NDJSON)')
    .option('--json', 'print one JSON object on stdout (with the shrunk history); human text goes to stderr')
    .action(commandAction(shrinkFile));
}

async function shrinkFile(file: string, flags: ShrinkFlags, out: Output): Promise<number> {
  const init = flags.init === undefined ? null : parseJsonFlag('--init', flags.init);
  const timeoutMs = flags.timeout === undefined ? undefined : parseSeconds('--timeout', flags.timeout) * 1000;
  if (flags.model !== undefined && MODELS[flags.model] === undefined) {
    throw new UsageError(`--model: unknown model "${flags.model}" (known: ${modelNames().join(', ')})`);
  }
  if (flags.out === '') throw new UsageError('--out: expected a file name, got ""');
  const parsed = await readHistoryArgument(file, flags.format ? { format: flags.format } : {});
  const model = MODELS[flags.model ?? inferModel(parsed.ops).name]!({ init, nilReads: nilReadsFor(flags.nilReads, parsed.format) });
  const history = validateHistory(parsed, { checkOp: modelOpCheck(model) });
  const result = shrinkHistory(history.ops, model, timeoutMs === undefined ? {} : { timeoutMs });
  if (result.valid !== false) {
    out.human(result.valid === true ? pc.green('valid: linearizable, nothing to shrink') : pc.yellow('unknown: the check ran out of time before a verdict'));
    out.json({ file: parsed.file, valid: result.valid, model: model.name, ...nilReadsField(model) });
    return result.valid === true ? EXIT.OK : EXIT.UNKNOWN;
  }
  if (flags.out !== undefined) await writeHistory(flags.out, result.history, { format: flags.out.endsWith('.edn') ? 'edn' : 'ndjson' });
  const reason = linearizabilityReason(result.check.detail.failures[0]!, model, pairOperations(result.history));
  for (const line of humanReport(parsed.file, model, result, reason, flags.out)) out.human(line);
  out.json({
    file: parsed.file,
    valid: false,
    model: model.name,
    ...nilReadsField(model),
    clientOpsBefore: result.clientOpsBefore,
    clientOpsAfter: result.clientOpsAfter,
    steps: result.steps,
    reason,
    ...(flags.out === undefined ? {} : { out: flags.out }),
    history: result.history,
  });
  return EXIT.VIOLATION;
}

/** The reading of nil reads the check used, for the models whose reads return a register's value. */
function nilReadsField(model: Model<any>): { nilReads?: NilReads } {
  return model.nilReads === undefined ? {} : { nilReads: model.nilReads };
}

function humanReport(file: string, model: Model<any>, result: HistoryShrinkResult, reason: string, outFile: string | undefined): string[] {
  const lines = [
    pc.red(`not linearizable (${model.name}): shrunk ${file} from ${result.clientOpsBefore} to ${result.clientOpsAfter} client ops`),
    `${reason}.`,
    '',
    'Steps (each removes only what cannot create a violation, and the smaller history was re-checked):',
    ...result.steps.map((step) => `  - ${step.rule}: removed ${step.removedOps} op(s); sound because ${step.why}`),
  ];
  if (result.steps.length === 0) lines.push('  (none applied: every op is needed for the violation)');
  const blocked = result.check.detail.failures[0]?.blocked;
  const describe = (op: Operation): string => model.describe(op.input, op.output);
  lines.push('', 'Shrunk history (one row per process; *op* is the one no linearization can place):', '');
  // A large shrunk history draws only the ops of the counterexample (renderHistoryTimeline's bound), saying how many it left out.
  const failure = result.check.detail.failures[0];
  const focus = failure === undefined ? {} : { focus: new Set(counterexampleOps(failure).map((row) => row.index)) };
  lines.push(renderHistoryTimeline(result.history, { describe, ...(blocked ? { marked: new Set([blocked.invokeIndex]) } : {}), ...focus }));
  lines.push('', outFile === undefined ? 'use --out FILE to save the shrunk history' : `shrunk history written to ${outFile}`);
  return lines;
}
