import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/index.js';
import { readHistory, validateHistory } from '../../src/history/index.js';
import { MODELS } from '../../src/models/index.js';
import { NIL_READINGS } from '../../src/models/nil-reads.js';
import { modelOpCheck } from '../../src/models/op-check.js';
import { CORPUS_ABSENT_MESSAGE, corpusEntries, corpusRoot } from '../bench/corpus-path.js';

const entries = corpusEntries();
const absent = corpusRoot() === undefined;
if (absent) console.warn(`corpus tests skipped: ${CORPUS_ABSENT_MESSAGE}`);

describe.skipIf(absent)('porcupine reference corpus', () => {
  it('lists every history of EXPECTED.tsv', () => {
    expect(entries.length).toBe(108);
  });

  // Porcupine reads a read of nil as the value nil, Jepsen as a read of an unknown value;
  // the corpus's verdicts are the same under both.
  it('holds completed reads of nil, so the two readings of them are both put to the test', async () => {
    let withNilReads = 0;
    for (const entry of entries) {
      const { ops } = await readHistory(entry.path, { format: entry.format });
      if (ops.some((op) => op.type === 'ok' && (op.f === 'read' || op.f === 'get') && op.value === null)) withNilReads++;
    }
    expect(withNilReads).toBeGreaterThan(50);
  });

  for (const entry of entries) {
    for (const nilReads of NIL_READINGS) {
      it(`${entry.file} is ${entry.expected} with nil reads as ${nilReads}`, async () => {
        const model = MODELS[entry.model]!({ init: entry.init, nilReads });
        const history = validateHistory(await readHistory(entry.path, { format: entry.format }), {
          checkOp: modelOpCheck(model),
        });
        const result = checkLinearizable(history.ops, model);
        expect(result.valid).toBe(entry.expected === 'valid');
        if (result.valid === false) expect(result.detail.failures.length).toBeGreaterThan(0);
      });
    }
  }
});
