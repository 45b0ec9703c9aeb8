import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CoordinatedOp } from '../../../src/store/leaderless/coordinated-op.js';
import { idNumberOf, OpTable } from '../../../src/store/leaderless/op-table.js';
import type { ClientRequest } from '../../../src/store/protocol.js';

const request: ClientRequest = { kind: 'client-request', requestId: 'r1', f: 'read', key: 'k', value: null };
const opNumbered = (n: number, incarnation = 'x7') => new CoordinatedOp(`n1.${incarnation}.${n}`, 'k', request, ['n1'], () => {});

describe('idNumberOf', () => {
  it('reads the number after the last dot, and refuses anything else', () => {
    expect(idNumberOf('n1.x7.12')).toBe(12);
    expect(idNumberOf('n1.12ab.0')).toBe(0);
    expect(idNumberOf('n1.x7.')).toBeNaN();
    expect(idNumberOf('n1.x7.1a')).toBeNaN();
    expect(idNumberOf('42')).toBeNaN();
  });
});

describe('OpTable', () => {
  it('finds exactly the ops in progress, under any order of completion', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.nat(), fc.boolean()), { maxLength: 300 }), (steps) => {
        const table = new OpTable();
        const live = new Map<string, CoordinatedOp>();
        const done: CoordinatedOp[] = [];
        let number = 0;
        for (const [gap, pick, add] of steps) {
          if (add || live.size === 0) {
            number += gap; // other ids take numbers in between
            const op = opNumbered(number);
            table.add(op);
            live.set(op.id, op);
          } else {
            const op = [...live.values()][pick % live.size]!;
            table.delete(op);
            live.delete(op.id);
            done.push(op);
          }
          for (const op of live.values()) expect(table.get(op.id)).toBe(op);
        }
        for (const op of done) {
          expect(table.get(op.id)).toBeUndefined();
          expect(table.has(op)).toBe(false);
        }
      }),
    );
  });

  it('does not mistake an op of an earlier incarnation, or a foreign id, for a live one', () => {
    const table = new OpTable();
    const op = opNumbered(3);
    table.add(op);
    expect(table.get('n1.old.3')).toBeUndefined();
    expect(table.get('n1.x7.4')).toBeUndefined();
    expect(table.get('not-an-op-id')).toBeUndefined();
    expect(table.get(op.id)).toBe(op);
  });
});
