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
