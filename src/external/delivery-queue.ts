/**
 * Messages waiting on the wire, ordered by due time (then by send order), with
 * one timer armed for the earliest. A binary heap: a busy router holds
 * thousands in flight, and one timer per message would cost more than the
 * messages themselves.
 */
export class DeliveryQueue<T> {
  private readonly heap: { dueMs: number; seq: number; item: T }[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  private immediate: NodeJS.Immediate | undefined;

  constructor(
    private readonly deliver: (item: T) => void,
    private readonly nowMs: () => number,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  push(dueMs: number, item: T): void {
    const entry = { dueMs, seq: this.seq++, item };
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent]!)) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = entry;
    this.arm();
  }

  /** Drops everything waiting and disarms the timer (the run is over). */
  clear(): void {
    this.heap.length = 0;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    this.armedFor = Infinity;
  }

  private arm(): void {
    const first = this.heap[0];
    if (first === undefined) return;
    const wait = first.dueMs - this.nowMs();
    if (wait < 1) {
      // Due now (no latency): one immediate drains every message due, in order.
      this.immediate ??= setImmediate(() => {
        this.immediate = undefined;
        this.drain();
      });
      return;
    }
    if (first.dueMs >= this.armedFor && this.timer !== undefined) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.armedFor = first.dueMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.armedFor = Infinity;
      this.drain();
    }, wait);
  }

  private drain(): void {
    const now = this.nowMs();
    while (this.heap.length > 0 && this.heap[0]!.dueMs <= now + 0.5) this.deliver(this.pop().item);
    this.arm();
  }

  private pop(): { dueMs: number; seq: number; item: T } {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        // Sift `last` down from the root.
        let smallest = i;
        let candidate = last;
        if (left < heap.length && before(heap[left]!, candidate)) { smallest = left; candidate = heap[left]!; }
        if (right < heap.length && before(heap[right]!, candidate)) { smallest = right; candidate = heap[right]!; }
        if (smallest === i) break;
        heap[i] = heap[smallest]!;
        i = smallest;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(a: { dueMs: number; seq: number }, b: { dueMs: number; seq: number }): boolean {
  return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
}
