import { expect, test } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/sim/event-queue.js';
import { EventKind, SimEvent } from '../../src/sim/sim-event.js';

test('pops events in (time, sequence) order, whatever the push/pop interleaving', () => {
  const action = fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 20 }) }), fc.constant({ pop: true as const }));
  fc.assert(
    fc.property(fc.array(action, { maxLength: 200 }), (actions) => {
      const queue = new EventQueue();
      const reference: SimEvent[] = [];
      let seq = 0;
      for (const a of actions) {
        if ('push' in a) {
          const event = new SimEvent(a.push, seq++, EventKind.Driver, undefined);
          queue.push(event);
          reference.push(event);
          reference.sort((x, y) => x.timeMs - y.timeMs || x.seq - y.seq);
        } else {
          expect(queue.pop()).toBe(reference.shift());
        }
        expect(queue.size).toBe(reference.length);
        expect(queue.peek()).toBe(reference[0]);
      }
      while (reference.length > 0) expect(queue.pop()).toBe(reference.shift());
      expect(queue.pop()).toBeUndefined();
    }),
  );
});

test('removing events keeps the (time, sequence) order of the rest, whatever the interleaving', () => {
  const action = fc.oneof(
    fc.record({ push: fc.integer({ min: 0, max: 20 }) }),
    fc.constant({ pop: true as const }),
    fc.record({ remove: fc.nat() }),
  );
  fc.assert(
    fc.property(fc.array(action, { maxLength: 200 }), (actions) => {
      const queue = new EventQueue();
      const reference: SimEvent[] = [];
      const removed: SimEvent[] = [];
      let seq = 0;
      for (const a of actions) {
        if ('push' in a) {
          const event = new SimEvent(a.push, seq++, EventKind.Driver, undefined);
          queue.push(event);
          reference.push(event);
          reference.sort((x, y) => x.timeMs - y.timeMs || x.seq - y.seq);
        } else if ('pop' in a) {
          expect(queue.pop()).toBe(reference.shift());
        } else if (reference.length > 0) {
          const victim = reference.splice(a.remove % reference.length, 1)[0]!;
          expect(queue.remove(victim)).toBe(true);
          removed.push(victim);
        }
        expect(queue.size).toBe(reference.length);
        expect(queue.peek()).toBe(reference[0]);
      }
      // An event out of the queue cannot be removed (again).
      for (const event of removed) expect(queue.remove(event)).toBe(false);
      while (reference.length > 0) expect(queue.pop()).toBe(reference.shift());
    }),
  );
});
