/**
 * One fresh process that reads a history and checks it several times in a row, as
 * `faultline check` does (validated, linearizable checker), printing each check's
 * milliseconds as a JSON array: how much of a fresh check is the JIT warming up.
 *
 * Usage: node warmup-child.js FILE MODEL INIT_JSON CHECKS
 */
import { linearizableChecker } from '../../src/checker/linearizable/check.js';
import { checkAll } from '../../src/checker/compose.js';
import { readHistory, validateHistory } from '../../src/history/index.js';
import { defaultNilReads, MODELS } from '../../src/models/index.js';
import { modelOpCheck } from '../../src/models/op-check.js';

const [file, modelName, initJson, checks] = process.argv.slice(2);
const parsed = await readHistory(file!);
const init: unknown = JSON.parse(initJson!);
const model = MODELS[modelName!]!({ init, nilReads: defaultNilReads(parsed.format) });
const history = validateHistory(parsed, { checkOp: modelOpCheck(model) });
const times: number[] = [];
for (let i = 0; i < Number(checks); i++) {
  const started = performance.now();
  checkAll([linearizableChecker({ model })], history.ops, { historyValidated: true });
  times.push(performance.now() - started);
}
process.stdout.write(`${JSON.stringify(times)}\n`);
