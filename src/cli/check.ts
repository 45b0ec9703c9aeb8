import { Command, Option } from 'commander';
import pc from 'picocolors';
import { checkLinearizable } from '../checker/index.js';
import { HISTORY_FORMATS, readHistory, validateHistory, type HistoryFormat } from '../history/index.js';
import { inferModel, MODELS, modelNames } from '../models/index.js';
import { modelOpCheck } from '../models/op-check.js';
import { checkJson, explainFailure } from '../report/linearizability-report.js';
import { exitFor, UsageError } from './exit-codes.js';
import { Output, reportInputError } from './output.js';
import { parseJsonFlag, parseSeconds } from './parse-flags.js';

interface CheckFlags {
  model?: string;
  format?: HistoryFormat;
  init?: string;
  timeout?: string;
  json?: boolean;
}

/**
 * `faultline check <file>`: is a recorded history linearizable?
 *
 * @example
 * registerCheck(program); // faultline check history.edn --model cas-register --init 0
 */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check a recorded history (NDJSON, Jepsen EDN or Jepsen log) for linearizability')
    .argument('<file>', 'the history file')
    .option('-m, --model <name>', `sequential model: ${modelNames().join(', ')} (default: inferred from the ops)`)
    .addOption(new Option('-f, --format <format>', 'history format (default: detected from the content)').choices(HISTORY_FORMATS))
    .option('--init <json>', 'initial value as JSON, e.g. 0, \'""\' or \'{"x":0}\' (default: null, Jepsen\'s nil)')
    .option('--timeout <seconds>', 'search budget; when it runs out the verdict is unknown (exit 3)')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(async (file: string, flags: CheckFlags) => {
      const out = new Output(Boolean(flags.json));
      try {
        process.exitCode = await runCheck(file, flags, out);
      } catch (error) {
        reportInputError(error, out);
      }
    });
}

async function runCheck(file: string, flags: CheckFlags, out: Output): Promise<number> {
  const init = flags.init === undefined ? null : parseJsonFlag('--init', flags.init);
  const timeoutMs = flags.timeout === undefined ? undefined : parseSeconds('--timeout', flags.timeout) * 1000;
  if (flags.model !== undefined && MODELS[flags.model] === undefined) {
    throw new UsageError(`--model: unknown model "${flags.model}" (known: ${modelNames().join(', ')})`);
  }
  const parsed = await readHistory(file, flags.format ? { format: flags.format } : {});
  const inferred = flags.model === undefined ? inferModel(parsed.ops) : undefined;
  const model = MODELS[flags.model ?? inferred!.name]!({ init });
  const history = validateHistory(parsed, { checkOp: modelOpCheck(model) });
  const result = checkLinearizable(history.ops, model, timeoutMs === undefined ? {} : { timeoutMs });

  out.human(`${pc.bold(file)} (${parsed.format}): ${result.ops} ops, ${result.partitions} partition(s), model ${model.name}` +
    (inferred ? ` (inferred: ${inferred.reason})` : ''));
  if (result.valid === true) out.human(pc.green(`valid: linearizable (${result.elapsedMs.toFixed(1)} ms)`));
  if (result.valid === 'unknown') out.human(pc.yellow(`unknown: the ${flags.timeout} s budget ran out before the search finished`));
  if (result.valid === false) {
    out.human(pc.red(`invalid: not linearizable (${result.elapsedMs.toFixed(1)} ms)`));
    for (const failure of result.failures) out.human(`\n${explainFailure(failure, model)}`);
  }
  out.json(checkJson(result, { file, format: parsed.format, ...(inferred ? { inferred: inferred.reason } : {}) }));
  return exitFor(result.valid);
}
