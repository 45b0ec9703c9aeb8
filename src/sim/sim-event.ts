import type { NodeHost } from './host.js';
import type { Link } from './link.js';

/**
 * What a queued event does when its time comes. A plain object rather than an
 * enum so every TypeScript transpiler treats it alike.
 *
 * @example
 * if (event.kind === EventKind.Timer) fireTimer(event);
 */
export const EventKind = {
  /** A message reaches `target` over `link`. */
  Deliver: 0,
  /** A named timer of `target` fires. */
  Timer: 1,
  /** A driver callback (nemesis steps, workload starts). */
  Driver: 2,
  /** A paused node wakes up. */
  Resume: 3,
  /** A node is built and started (first start, after addNode). */
  Boot: 4,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/**
 * One entry of the virtual-time queue. A single class with every field keeps
 * the heap monomorphic (fast property access) and avoids a closure per event;
 * unused fields stay at their defaults. Message and timer events are reused
 * once done with (see {@link SimEvent.reuse}): a run makes millions of them.
 */
export class SimEvent {
  /** Set when a timer is replaced or cancelled, or a driver event cancelled: skipped when popped. */
  cancelled = false;
  /** Sender link of a Deliver event. */
  link: Link | undefined = undefined;
  /** Message payload of a Deliver event: a private copy, or data both ends promised never to change. */
  message: unknown = undefined;
  /** Message id (for the trace) of a Deliver event. */
  messageId = 0;
  /** True once a slow node's processing delay was added, so it is not added twice. */
  slowed = false;
  /** Timer name, or a driver event's label. */
  name = '';
  /** A driver event's callback. */
  callback: (() => void) | undefined = undefined;
  /** Pause generation a Resume event belongs to (a later pause supersedes it). */
  generation = 0;
  /** Slot in the event queue's heap; -1 while not queued. */
  heapIndex = -1;
  /** True once put in a paused node's backlog. */
  waiting = false;

  constructor(
    public timeMs: number,
    public seq: number,
    public kind: EventKind,
    public target: NodeHost | undefined,
  ) {}

  /** Makes a finished event (referenced from nowhere) a fresh one, every field back to its default. */
  reuse(timeMs: number, seq: number, kind: EventKind, target: NodeHost | undefined): this {
    this.timeMs = timeMs;
    this.seq = seq;
    this.kind = kind;
    this.target = target;
    this.cancelled = false;
    this.link = undefined;
    this.message = undefined;
    this.messageId = 0;
    this.slowed = false;
    this.name = '';
    this.callback = undefined;
    this.generation = 0;
    this.heapIndex = -1;
    this.waiting = false;
    return this;
  }
}

/**
 * Finished message and timer events kept for reuse: a run makes millions, and
 * reusing them spares the allocator and the garbage collector (the store
 * benchmark allocates a third less). An event may be given back only once
 * nothing refers to it any more.
 *
 * @example
 * const pool = new EventPool(1024);
 * const event = pool.take(5, 0, EventKind.Timer, host);
 * pool.give(event); // after it fired
 */
export class EventPool {
  private readonly spare: SimEvent[] = [];

  /** @param capacity spare events kept at most (about the most a busy run has in flight) */
  constructor(private readonly capacity: number) {}

  /** A fresh event: a spare one made new, or a new one. */
  take(timeMs: number, seq: number, kind: EventKind, target: NodeHost | undefined): SimEvent {
    const event = this.spare.pop();
    return event === undefined ? new SimEvent(timeMs, seq, kind, target) : event.reuse(timeMs, seq, kind, target);
  }

  /** Gives back an event nothing refers to any more. */
  give(event: SimEvent): void {
    if (this.spare.length < this.capacity) this.spare.push(event);
  }
}
