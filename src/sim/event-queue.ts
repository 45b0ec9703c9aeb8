import type { SimEvent } from './sim-event.js';

/**
 * A binary min-heap of events keyed by (timeMs, seq). The sequence number makes
 * the order total: events at the same instant run in the order they were
 * scheduled, on every run.
 *
 * @example
 * const queue = new EventQueue();
 * queue.push(new SimEvent(5, 0, EventKind.Driver, undefined));
 * queue.pop()?.timeMs; // 5
 */
export class EventQueue {
  private readonly heap: SimEvent[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** The earliest event, without removing it. */
  peek(): SimEvent | undefined {
    return this.heap[0];
  }

  push(event: SimEvent): void {
    const heap = this.heap;
    let index = heap.length;
    heap.push(event);
    // Sift up: move the hole towards the root while the parent is later.
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!isBefore(event, parent)) break;
      heap[index] = parent;
      index = parentIndex;
    }
    heap[index] = event;
  }

  pop(): SimEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    this.siftDown(last);
    return top;
  }

  /** Places `event` at the root's hole and sinks it to its place. */
  private siftDown(event: SimEvent): void {
    const heap = this.heap;
    const length = heap.length;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      const right = child + 1;
      if (right < length && isBefore(heap[right]!, heap[child]!)) child = right;
      const childEvent = heap[child]!;
      if (!isBefore(childEvent, event)) break;
      heap[index] = childEvent;
      index = child;
    }
    heap[index] = event;
  }
}

function isBefore(a: SimEvent, b: SimEvent): boolean {
  return a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq);
}
