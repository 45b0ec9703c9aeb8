/**
 * What the trace records, in the order `counts` lists them. The high-volume
 * kinds are `send`, `deliver`, `drop` and `timer`; the rest are node
 * lifecycle, faults and custom events from `ctx.trace()`.
 *
 * @example
 * const crashes = world.trace.events.filter((e) => e.kind === 'crash');
 */
export const TRACE_KINDS = [
  'send', 'deliver', 'drop', 'timer', 'start', 'crash', 'restart', 'pause', 'resume',
  'slow', 'partition', 'heal', 'network', 'clock', 'disk', 'custom',
] as const;

/** One of {@link TRACE_KINDS}. */
export type TraceKind = (typeof TRACE_KINDS)[number];

/**
 * One line of the trace: what happened, when (virtual ms), where.
 * For messages `node` is the sender on `send` and the receiver on
 * `deliver`/`drop`, and `peer` is the other end. For custom events `name` is the
 * event's name and `detail` its data as JSON.
 */
export interface TraceEvent {
  timeMs: number;
  kind: TraceKind;
  node?: string;
  peer?: string;
  name?: string;
  detail?: string;
}

/**
 * The custom events a node may trace: each event name with the shape of its
 * detail. A store declares its own map (and its nodes take
 * `NodeContext<M, ThatMap>`), so a misspelt name or a wrong detail field fails
 * to compile at the emitter, and readers parsing the trace get the same types.
 * The default map lets a node trace any name with any JSON detail.
 *
 * @example
 * type RaftEvents = { election: { epoch: number }; 'step-down': { epoch: number; reason: string } };
 */
export type TraceEventMap = { [name: string]: Record<string, unknown> | undefined };

/**
 * The custom events of a map as one union of `{ name, detail }`: narrowing on
 * `name` gives the detail's type.
 *
 * @example
 * function epochOf(event: CustomTraceEvent<RaftEvents>): number { return event.detail.epoch; }
 */
export type CustomTraceEvent<T extends TraceEventMap> = { [N in keyof T & string]: { name: N; detail: T[N] } }[keyof T & string];

/**
 * The detail arguments of `ctx.trace(name, ...)` for one event: required when
 * the event has data, optional when it may have none.
 */
export type TraceDetailArgs<D> = undefined extends D ? [detail?: D] : [detail: D];

/**
 * How much to keep. `maxEvents`: keep only the last N events (a ring buffer).
 * `messages: false`: do not record the high-volume events (send, deliver, drop,
 * timer), only count them; the trace then holds lifecycle, faults and custom
 * events.
 * `enabled: false`: record nothing but counts.
 *
 * @example
 * new World({ seed: 1, trace: { maxEvents: 10_000, messages: false } });
 */
export interface TraceOptions {
  enabled?: boolean;
  messages?: boolean;
  maxEvents?: number;
}

/**
 * The run's trace: the events kept, and counts by kind of every event that
 * happened (kept or not).
 *
 * @example
 * world.runUntil(1000);
 * world.trace.counts.deliver;  // messages delivered so far
 * formatTrace(world.trace.events);
 */
export class Trace {
  /** Events that happened, by kind, including those not kept. */
  readonly counts = Object.fromEntries(TRACE_KINDS.map((kind) => [kind, 0])) as Record<TraceKind, number>;
  /** True when high-volume events are recorded (read it before building a detail string). */
  readonly recordsMessages: boolean;
  /** True when events are kept at all (read it before building a detail string). */
  readonly enabled: boolean;
  private readonly maxEvents: number;
  private buffer: TraceEvent[] = [];
  /** Index of the oldest event once the ring buffer has wrapped. */
  private start = 0;
  /** Events evicted from the ring buffer. */
  evicted = 0;

  constructor(options: TraceOptions = {}) {
    this.enabled = options.enabled ?? true;
    this.recordsMessages = this.enabled && (options.messages ?? true);
    this.maxEvents = options.maxEvents ?? Infinity;
    if (!(this.maxEvents >= 0)) throw new RangeError(`trace.maxEvents must be >= 0, got ${options.maxEvents}`);
  }

  /** The kept events, oldest first. */
  get events(): readonly TraceEvent[] {
    if (this.start === 0) return this.buffer;
    return [...this.buffer.slice(this.start), ...this.buffer.slice(0, this.start)];
  }

  /** Records an event (counted always, kept when enabled). */
  record(event: TraceEvent): void {
    this.counts[event.kind]++;
    if (!this.enabled || (!this.recordsMessages && isMessageKind(event.kind))) return;
    this.keep(event);
  }

  /** Counts a high-volume event without building it (when those are not recorded). */
  countOnly(kind: 'send' | 'deliver' | 'drop' | 'timer'): void {
    this.counts[kind]++;
  }

  private keep(event: TraceEvent): void {
    if (this.buffer.length < this.maxEvents) {
      this.buffer.push(event);
      return;
    }
    if (this.maxEvents === 0) {
      this.evicted++;
      return;
    }
    this.buffer[this.start] = event;
    this.start = (this.start + 1) % this.maxEvents;
    this.evicted++;
  }
}

function isMessageKind(kind: TraceKind): boolean {
  return kind === 'send' || kind === 'deliver' || kind === 'drop' || kind === 'timer';
}
