import { describe, expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/index.js';
import { readHistory, validateHistory } from '../../src/history/index.js';
import { MODELS } from '../../src/models/index.js';
import { modelOpCheck } from '../../src/models/op-check.js';
import { CORPUS_ABSENT_MESSAGE, corpusEntries, corpusRoot } from '../bench/corpus-path.js';

const entries = corpusEntries();
const absent = corpusRoot() === undefined;
if (absent) console.warn(`corpus tests skipped: ${CORPUS_ABSENT_MESSAGE}`);

describe.skipIf(absent)('porcupine reference corpus', () => {
  it('lists every history of EXPECTED.tsv', () => {
    expect(entries.length).toBe(108);
  });

  for (const entry of entries) {
    it(`${entry.file} is ${entry.expected}`, async () => {
      const model = MODELS[entry.model]!({ init: entry.init });
      const history = validateHistory(await readHistory(entry.path, { format: entry.format }), {
        checkOp: modelOpCheck(model),
      });
      const result = checkLinearizable(history.ops, model);
      expect(result.valid).toBe(entry.expected === 'valid');
      if (result.valid === false) expect(result.detail.failures.length).toBeGreaterThan(0);
    });
  }
});
