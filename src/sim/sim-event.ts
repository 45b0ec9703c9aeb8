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
 * unused fields stay at their defaults.
 */
export class SimEvent {
  /** Set when a timer is replaced or cancelled, or a driver event cancelled: skipped when popped. */
  cancelled = false;
  /** Sender link of a Deliver event. */
  link: Link | undefined = undefined;
  /** Message payload (already a private copy) of a Deliver event. */
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

  constructor(
    public timeMs: number,
    public seq: number,
    readonly kind: EventKind,
    readonly target: NodeHost | undefined,
  ) {}
}
