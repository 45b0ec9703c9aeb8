import { describe, expect, it } from 'vitest';
import type { Op } from '../../src/history/op.js';
import { checkFinalCounter } from '../../src/external/checks/final-counter.js';
import { checkFinalSets } from '../../src/external/checks/final-sets.js';
import type { RunFacts } from '../../src/external/workloads.js';

/** A history from [process, type, f, value, node?] rows; times 1 ms apart. */
function history(rows: [number, Op['type'], string, unknown, string?][]): Op[] {
  return rows.map(([process, type, f, value, node], index) => ({ index, time: index * 1e6, process, type, f, value, ...(node ? { node } : {}) }));
}

const facts = (finalFromIndex: number): RunFacts => ({ nodeIds: ['n1', 'n2'], finalFromIndex, serverMessages: 10, checkTimeoutMs: 1000 });

describe('final-read checkers', () => {
  it('a broadcast acknowledged but missing from one node\'s final read is lost, naming the node', () => {
    const h = history([
      [0, 'invoke', 'add', 1, 'n1'], [0, 'ok', 'add', 1, 'n1'],
      [1, 'invoke', 'add', 2, 'n2'], [1, 'info', 'add', 2, 'n2'],
      [2, 'invoke', 'read', null, 'n1'], [2, 'ok', 'read', [1], 'n1'],
      [3, 'invoke', 'read', null, 'n2'], [3, 'ok', 'read', [], 'n2'],
    ]);
    const verdict = (checkFinalSets(h, facts(4), true).broadcast as () => any)();
    expect(verdict.valid).toBe(false);
    expect(verdict.anomaly).toBe('lost-write');
    expect(verdict.reason).toContain('e.g. 1 is not on n2');
    expect(verdict.detail).toMatchObject({ acknowledged: 1, lost: 1, neverRead: 1, msgsPerOp: 5 });
  });

  it('a node with no final read leaves the verdict unknown, never valid', () => {
    const h = history([[0, 'invoke', 'add', 1, 'n1'], [0, 'ok', 'add', 1, 'n1'], [2, 'invoke', 'read', null, 'n1'], [2, 'ok', 'read', [1], 'n1']]);
    const verdict = (checkFinalSets(h, facts(2), false).set as () => any)();
    expect(verdict.valid).toBe('unknown');
    expect(verdict.reason).toContain('n2');
  });

  it('an element read that nobody added is unexpected', () => {
    const h = history([[2, 'invoke', 'read', null, 'n1'], [2, 'ok', 'read', [9], 'n1'], [3, 'invoke', 'read', null, 'n2'], [3, 'ok', 'read', [9], 'n2']]);
    expect((checkFinalSets(h, facts(0), false).set as () => any)().anomaly).toBe('unexpected-value');
  });

  it('counter: final reads within the bounds the indeterminate adds allow pass; below or above do not', () => {
    const adds: [number, Op['type'], string, unknown, string?][] = [
      [0, 'invoke', 'add', 5, 'n1'], [0, 'ok', 'add', 5, 'n1'],
      [1, 'invoke', 'add', -2, 'n2'], [1, 'info', 'add', -2, 'n2'],
      [2, 'invoke', 'add', 3, 'n2'], [2, 'fail', 'add', 3, 'n2'],
    ];
    const finals = (a: number, b: number) => history([...adds, [3, 'invoke', 'read', null, 'n1'], [3, 'ok', 'read', a, 'n1'], [4, 'invoke', 'read', null, 'n2'], [4, 'ok', 'read', b, 'n2']]);
    expect(checkFinalCounter(finals(5, 3), facts(6)).valid).toBe(true);
    expect(checkFinalCounter(finals(5, 2), facts(6)).anomaly).toBe('lost-write');
    expect(checkFinalCounter(finals(8, 5), facts(6)).anomaly).toBe('double-apply');
  });
});
