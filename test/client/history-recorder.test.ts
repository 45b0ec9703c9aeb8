import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
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

  it('records a client op field by field exactly as record() does, to the JSON text', () => {
    const field = fc.option(fc.string({ maxLength: 3 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          process: fc.nat(9),
          type: fc.constantFrom('invoke', 'ok', 'fail', 'info' as const),
          f: fc.string({ maxLength: 3 }),
          key: fc.option(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { nil: undefined }),
          value: fc.option(fc.jsonValue(), { nil: undefined }),
          node: field,
          error: field,
          timeMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
        }),
        ({ process, type, f, key, value, node, error, timeMs }) => {
          const generic = new HistoryRecorder(() => timeMs);
          const direct = new HistoryRecorder(() => timeMs);
          generic.record({ process, type, f, key, value, node, error });
          direct.recordClientOp(process, type, f, key, value, node, error);
          expect(JSON.stringify(direct.ops)).toBe(JSON.stringify(generic.ops));
        },
      ),
    );
  });
});
