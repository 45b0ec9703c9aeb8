/**
 * The idempotency keys a replica has applied, with the result each one's client
 * was (or will be) given, remembered for a bounded time.
 *
 * A retry carries its op's key so that the store applies the op once. Retries of
 * one op come within its client's retry window (a few request timeouts and
 * backoffs: about 4 s with the default client policy), so a key only needs to be
 * remembered a little longer than that. Keeping every key forever would make a
 * replica's memory grow with every write it ever took; real stores bound their
 * dedupe tables the same way (by time, as here, or by count).
 *
 * The window is measured on the node's own clock, as a real node would: a clock
 * that jumps forward by more than the window forgets keys early, and a retry that
 * arrives after that applies again. Keys read back from disk after a restart keep
 * the time their disk record gives (or the restart's, for the newest ones).
 *
 * @example
 * const keys = new AppliedKeys(() => ctx.now());
 * keys.add('c1/7', null);
 * keys.get('c1/7')?.result; // null
 */

/**
 * How long an applied idempotency key is remembered at least, in ms of the
 * node's clock: well beyond the default client retry window.
 *
 * @example
 * IDEMPOTENCY_WINDOW_MS; // 60000
 */
export const IDEMPOTENCY_WINDOW_MS = 60_000;

/**
 * Keys applied within this span share one entry, and expired keys are swept as
 * often: a key is forgotten at most this long after its window.
 *
 * @example
 * IDEMPOTENCY_SWEEP_MS; // 6000
 */
export const IDEMPOTENCY_SWEEP_MS = IDEMPOTENCY_WINDOW_MS / 10;
const BUCKET_MS = IDEMPOTENCY_SWEEP_MS;

/**
 * What is remembered of an applied key: the result its client was given.
 */
export interface AppliedEntry {
  readonly result: unknown;
}

/** An entry and the newest apply time (node clock) of the keys that share it. */
interface TimedEntry extends AppliedEntry {
  lastMs: number;
}

/**
 * A replica's applied idempotency keys (see the file's description). Almost
 * every result is null (only ops that answer a value have one), so keys applied
 * close together with a null result share one entry: a key then costs its map
 * slot alone.
 *
 * @example
 * const keys = new AppliedKeys(() => ctx.now());
 * if (!keys.has('c1/7')) keys.add('c1/7', null);
 */
export class AppliedKeys {
  /** In the order applied, so the oldest come first when sweeping. */
  private readonly byKey = new Map<string, TimedEntry>();
  /** The shared entry of the latest null results, and when it was opened. */
  private nullEntry: TimedEntry | undefined;
  private nullEntryOpenedMs = 0;
  private nextSweepMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly clockMs: () => number) {}

  get size(): number {
    return this.byKey.size;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** What is remembered of the key (not to be put in messages: entries are shared and change). */
  get(key: string): AppliedEntry | undefined {
    return this.byKey.get(key);
  }

  /** Remembers a newly applied key; an already remembered one keeps its first result. */
  add(key: string, result: unknown): void {
    if (!this.byKey.has(key)) this.addNew(key, result);
  }

  /**
   * {@link add} for many keys applied by `appliedAtMs` at the latest, as read back
   * from disk after a restart (a window's worth: tens of thousands). Keys already
   * out of the window are skipped; the others leave it on time.
   */
  addAll(keys: readonly string[], results: readonly unknown[], appliedAtMs: number): void {
    // A clock that went back since does not push the keys' time into the future.
    const lastMs = Math.min(appliedAtMs, this.clockMs());
    if (this.clockMs() - lastMs >= IDEMPOTENCY_WINDOW_MS) return;
    const nullEntry: TimedEntry = { result: null, lastMs };
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const result = results[i];
      if (!this.byKey.has(key)) this.byKey.set(key, result === null ? nullEntry : { result, lastMs });
    }
  }

  /** {@link add} for a key the caller just found absent (saves a lookup in a large table). */
  addNew(key: string, result: unknown): void {
    const nowMs = this.clockMs();
    this.byKey.set(key, result === null ? this.sharedNullEntry(nowMs) : { result, lastMs: nowMs });
    if (nowMs >= this.nextSweepMs) this.sweep(nowMs);
  }

  private sharedNullEntry(nowMs: number): TimedEntry {
    const entry = this.nullEntry;
    // A clock that went back opens a new entry too, so entries stay in apply order.
    if (entry === undefined || nowMs - this.nullEntryOpenedMs >= BUCKET_MS || nowMs < this.nullEntryOpenedMs) {
      this.nullEntryOpenedMs = nowMs;
      return (this.nullEntry = { result: null, lastMs: nowMs });
    }
    entry.lastMs = Math.max(entry.lastMs, nowMs);
    return entry;
  }

  /** Forgets keys whose entry is older than the window, oldest first (stops at the first one still young). */
  private sweep(nowMs: number): void {
    this.nextSweepMs = nowMs + BUCKET_MS;
    for (const [key, entry] of this.byKey) {
      if (nowMs - entry.lastMs < IDEMPOTENCY_WINDOW_MS) return;
      this.byKey.delete(key);
    }
  }
}
