import type { SimEvent } from './sim-event.js';

/**
 * A binary min-heap of events keyed by (timeMs, seq). The sequence number makes
 * the order total: events at the same instant run in the order they were
 * scheduled, on every run.
 *
 * Each event knows its slot (`heapIndex`), so a cancelled timer leaves the heap
 * at once instead of lingering until its time: a run sets and cancels several
 * timers per request (most never fire), and tombstones would make the heap many
 * times larger than the events that can still run.
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
    this.heap.push(event);
    this.siftUp(event, this.heap.length - 1);
  }

  pop(): SimEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    top.heapIndex = -1;
    const last = heap.pop()!;
    if (heap.length > 0) this.siftDown(last, 0);
    return top;
  }

  /** Takes `event` out of the queue; false when it was not in it (already run, or never queued). */
  remove(event: SimEvent): boolean {
    const index = event.heapIndex;
    const heap = this.heap;
    if (index < 0 || heap[index] !== event) return false;
    event.heapIndex = -1;
    const last = heap.pop()!;
    if (index === heap.length) return true;
    // The last event fills the hole; it may belong above or below it.
    if (index > 0 && isBefore(last, heap[(index - 1) >> 1]!)) this.siftUp(last, index);
    else this.siftDown(last, index);
    return true;
  }

  /** Places `event` at the hole `index` and moves the hole towards the root while the parent is later. */
  private siftUp(event: SimEvent, index: number): void {
    const heap = this.heap;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = heap[parentIndex]!;
      if (!isBefore(event, parent)) break;
      heap[index] = parent;
      parent.heapIndex = index;
      index = parentIndex;
    }
    heap[index] = event;
    event.heapIndex = index;
  }

  /** Places `event` at the hole `index` and sinks it to its place. */
  private siftDown(event: SimEvent, index: number): void {
    const heap = this.heap;
    const length = heap.length;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      const right = child + 1;
      if (right < length && isBefore(heap[right]!, heap[child]!)) child = right;
      const childEvent = heap[child]!;
      if (!isBefore(childEvent, event)) break;
      heap[index] = childEvent;
      childEvent.heapIndex = index;
      index = child;
    }
    heap[index] = event;
    event.heapIndex = index;
  }
}

function isBefore(a: SimEvent, b: SimEvent): boolean {
  return a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq);
}
