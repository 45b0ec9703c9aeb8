import { describe, expect, it } from 'vitest';
import { HistoryRecorder } from '../../src/client/history-recorder.js';

describe('history recorder', () => {
  it('assigns increasing indices and the virtual time in ns, and keeps optional fields out when absent', () => {
    let nowMs = 0;
    const recorder = new HistoryRecorder(() => nowMs);
    recorder.record({ process: 0, type: 'invoke', f: 'write', key: 'x', value: 1 });
    nowMs = 2.5;
    recorder.record({ process: 'nemesis', type: 'info', f: 'crash', value: ['n1'], node: undefined });
    nowMs = 3;
    recorder.record({ process: 0, type: 'ok', f: 'write', key: 'x', value: undefined, node: 'n1' });
    expect(recorder.ops).toEqual([
      { index: 0, time: 0, process: 0, type: 'invoke', f: 'write', key: 'x', value: 1 },
      { index: 1, time: 2_500_000, process: 'nemesis', type: 'info', f: 'crash', value: ['n1'] },
      { index: 2, time: 3_000_000, process: 0, type: 'ok', f: 'write', key: 'x', value: null, node: 'n1' },
    ]);
    expect(Object.keys(recorder.ops[1]!)).not.toContain('node');
  });
});
