import fc from 'fast-check';
import { expect, it } from 'vitest';
import { checkLinearizable } from '../../src/checker/index.js';
import { kvModel } from '../../src/models/kv.js';
import { linearizableHistory } from '../support/linearizable-histories.js';

// Samples with ~40 indeterminate appends each: without pruning the appends nobody read
// back, the search tried subsets of them for up to a minute.
it('prunes indeterminate appends that no read contains, and still judges the history valid', () => {
  for (const [seed, index] of [[1, 333], [3, 28], [42, 507]] as const) {
    const arbitrary = linearizableHistory('kv', { maxOps: 200, processes: 5, infoPercent: 20 });
    const sample = fc.sample(arbitrary, { numRuns: index + 1, seed })[index]!;
    const result = checkLinearizable(sample.history, kvModel({ init: sample.init }));
    expect(result.valid).toBe(true);
    expect(result.detail.pruned).toBeGreaterThan(20);
  }
});
