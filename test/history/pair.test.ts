import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Op, OpType } from '../../src/history/op.js';
import { clientOps } from '../../src/checker/_internals/client-ops.js';
import { withoutClientOps } from '../../src/explore/shrink-history.js';
import { pairInvocations, pairOperations } from '../../src/history/pair.js';
import { parseHistoryText } from '../../src/history/read-history.js';
import { jepsenLogLine } from './helpers.js';

let nextIndex = 0;
const op = (process: number | 'nemesis', type: OpType, f: string, value: unknown, key?: string): Op =>
  key === undefined ? { index: nextIndex++, time: 0, process, type, f, value } : { index: nextIndex++, time: 0, process, type, f, key, value };

describe('pairInvocations', () => {
  it('pairs each invoke with the next completion of its process; nemesis ops and stray completions are left out', () => {
    nextIndex = 0;
    const ops = [
      op(0, 'invoke', 'write', 1), // 0
      op('nemesis', 'info', 'start', null), // 1
      op(1, 'ok', 'read', 3), // 2: no open invoke
      op(1, 'invoke', 'read', null), // 3
      op(0, 'fail', 'write', 1), // 4
      op(1, 'ok', 'read', 1), // 5
      op(0, 'invoke', 'write', 2), // 6
    ];
    expect(pairInvocations(ops)).toEqual([
      { invoke: ops[0], completion: ops[4] },
      { invoke: ops[3], completion: ops[5] },
      { invoke: ops[6] },
    ]);
  });

  it('is the one pairing the checkers and the history shrinker read (property)', () => {
    const opArb = fc.tuple(fc.constantFrom<number | 'nemesis'>(0, 1, 2, 'nemesis'), fc.constantFrom<OpType>('invoke', 'ok', 'fail', 'info'));
    fc.assert(fc.property(fc.array(opArb, { maxLength: 30 }), (shapes) => {
      const ops: Op[] = shapes.map(([process, type], index) => ({ index, time: index, process, type, f: 'write', value: index }));
      const pairs = pairInvocations(ops);
      expect(clientOps(ops).map((o) => [o.invokeIndex, o.completeIndex])).toEqual(pairs.map((p) => [p.invoke.index, p.completion?.index]));
      const kept = pairOperations(ops).map((o) => [o.invokeIndex, o.completeIndex]);
      expect(kept).toEqual(pairs.filter((p) => p.completion?.type !== 'fail').map((p) => [p.invoke.index, p.completion?.index]));
      const withoutFailed = withoutClientOps(ops, (_invoke, completion) => completion?.type === 'fail');
      expect(pairInvocations(withoutFailed).map((p) => p.invoke.index)).toEqual(pairs.filter((p) => p.completion?.type !== 'fail').map((p) => p.invoke.index));
    }));
  });
});

describe('pairOperations', () => {
  it('pairs ok, info and open invokes, drops fails and nemesis ops, ids dense in invocation order', () => {
    nextIndex = 0;
    const ops = [
      op(0, 'invoke', 'write', 1, 'x'), // 0
      op(1, 'invoke', 'cas', [1, 2]), // 1
      op('nemesis', 'info', 'start', null), // 2
      op(1, 'fail', 'cas', [1, 2]), // 3
      op(2, 'invoke', 'read', null), // 4
      op(0, 'ok', 'write', 1, 'x'), // 5
      op(2, 'info', 'read', null), // 6
      op(3, 'invoke', 'write', 7), // 7
    ];
    expect(pairOperations(ops)).toEqual([
      { id: 0, process: 0, call: 0, ret: 5, input: { f: 'write', key: 'x', value: 1 }, output: { known: true, value: 1 }, invokeIndex: 0, completeIndex: 5 },
      { id: 1, process: 2, call: 4, ret: Infinity, input: { f: 'read', value: null }, output: { known: false, value: null }, invokeIndex: 4, completeIndex: 6 },
      { id: 2, process: 3, call: 7, ret: Infinity, input: { f: 'write', value: 7 }, output: { known: false, value: null }, invokeIndex: 7 },
    ]);
  });

  it('takes a read result from the completion and a cas input from the invoke of a Jepsen log', () => {
    const text = [jepsenLogLine(0, 'invoke', 'read', 'nil'), jepsenLogLine(1, 'invoke', 'cas', '[3 0]'), jepsenLogLine(0, 'ok', 'read', '3'), jepsenLogLine(1, 'ok', 'cas', '[3 0]')].join('\n');
    const [read, cas] = pairOperations(parseHistoryText(text).ops);
    expect(read).toMatchObject({ input: { f: 'read', value: null }, output: { known: true, value: 3 }, call: 0, ret: 2 });
    expect(cas).toMatchObject({ input: { f: 'cas', value: [3, 0] }, output: { known: true, value: [3, 0] }, call: 1, ret: 3 });
  });

  it('gives one operation per client invoke not failed, each with call < ret', () => {
    // Random well-formed histories: each process alternates invoke and completion.
    const historyArb = fc.array(fc.tuple(fc.nat({ max: 4 }), fc.constantFrom<OpType>('ok', 'fail', 'info')), { maxLength: 60 }).map((steps) => {
      const ops: Op[] = [];
      const open = new Set<number>();
      for (const [process, completion] of steps) {
        const type = open.has(process) ? completion : 'invoke';
        if (type === 'invoke') open.add(process);
        else open.delete(process);
        ops.push({ index: ops.length, time: ops.length, process, type, f: 'write', value: ops.length });
      }
      return ops;
    });
    fc.assert(
      fc.property(historyArb, (ops) => {
        const operations = pairOperations(ops);
        const invokes = ops.filter((o) => o.type === 'invoke').length;
        const fails = ops.filter((o) => o.type === 'fail').length;
        expect(operations.length).toBe(invokes - fails);
        operations.forEach((operation, id) => {
          expect(operation.id).toBe(id);
          expect(operation.call).toBeLessThan(operation.ret);
          expect(operation.output.known).toBe(operation.ret !== Infinity);
          if (id > 0) expect(operation.call).toBeGreaterThan(operations[id - 1]!.call);
        });
      }),
    );
  });
});
