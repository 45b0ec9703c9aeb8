/**
 * What anti-entropy cost in a run, and how long the world settled after the
 * final heal, read from the trace (and the history's nemesis ops).
 */
import type { Op } from '../../history/op.js';
import type { TraceEvent } from '../../sim/trace.js';
import { lastNemesisOp } from './nemesis-faults.js';
import { storeEvents, type StoreTraceName } from '../../store/trace-events.js';

/**
 * Anti-entropy's work over a run: Merkle exchanges (counted once, on the
 * initiator's side), messages and bytes both sides sent for them, keys shipped,
 * and keys whose state the exchanges actually changed.
 */
export interface AntiEntropyUsage {
  exchanges: number;
  messages: number;
  bytes: number;
  keysSent: number;
  keysRepaired: number;
}

/**
 * Sums the 'merkle-step', 'merkle-exchange' and 'anti-entropy-repair' events
 * of a trace. Each traced step is one message sent (a comparison or its answer),
 * each exchange end one batch of keys (none when nothing differed).
 *
 * @example
 * antiEntropyUsage(run.trace).bytes; // bytes of Merkle hashes and keys exchanged
 */
export function antiEntropyUsage(trace: readonly TraceEvent[]): AntiEntropyUsage {
  const usage: AntiEntropyUsage = { exchanges: 0, messages: 0, bytes: 0, keysSent: 0, keysRepaired: 0 };
  for (const event of storeEvents(trace, ['merkle-step', 'merkle-exchange', 'anti-entropy-repair'])) {
    // A trace read back from disk may lack a field: each one is checked before use.
    if (event.name === 'anti-entropy-repair') {
      usage.keysRepaired += Array.isArray(event.detail.keys) ? event.detail.keys.length : 0;
      continue;
    }
    const bytes = typeof event.detail.bytes === 'number' ? event.detail.bytes : 0;
    if (event.name === 'merkle-step') {
      usage.messages++;
      usage.bytes += bytes;
      continue;
    }
    const { detail } = event;
    if (detail.role === 'initiator') usage.exchanges++;
    const keys = Array.isArray(detail.keysSent) ? detail.keysSent.length : 0;
    usage.keysSent += keys;
    // An exchange that found nothing sends no keys message (traced with 0 bytes).
    if (bytes > 0) {
      usage.messages++;
      usage.bytes += bytes;
    }
  }
  return usage;
}

/**
 * The settle phase: when the last fault was healed (the history's last nemesis
 * op), how long the world ran after it, and when the last repair (anti-entropy,
 * read repair or hint delivery) happened after it, in simulated ms.
 *
 * @example
 * const w = settleWindow(run.history, run.trace, run.stats.endTimeMs);
 * w.settleTimeMs; // e.g. 1000
 */
export interface SettleWindow {
  healAtMs: number;
  settleTimeMs: number;
  /** Time from the heal to the last repair after it; 0 when nothing needed repair. */
  lastRepairAfterHealMs: number;
}

const REPAIR_EVENTS: readonly StoreTraceName[] = ['anti-entropy-repair', 'read-repair', 'hint-delivered'];

/**
 * See {@link SettleWindow}. Without nemesis ops the settle phase is counted from 0.
 *
 * @example
 * settleWindow(history, trace, 2500); // { healAtMs: 1500, settleTimeMs: 1000, lastRepairAfterHealMs: 120 }
 */
export function settleWindow(history: readonly Op[], trace: readonly TraceEvent[], endTimeMs: number): SettleWindow {
  const healAtMs = (lastNemesisOp(history)?.time ?? 0) / 1e6;
  let lastRepairMs = healAtMs;
  for (const event of storeEvents(trace, REPAIR_EVENTS)) if (event.timeMs >= healAtMs) lastRepairMs = Math.max(lastRepairMs, event.timeMs);
  return { healAtMs, settleTimeMs: Math.max(0, endTimeMs - healAtMs), lastRepairAfterHealMs: lastRepairMs - healAtMs };
}
