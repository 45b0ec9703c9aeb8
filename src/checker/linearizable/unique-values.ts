import type { Operation } from '../../history/operation.js';
import type { Model } from '../../models/model.js';
import { registerClusters, type RegisterClusters } from './register-clusters.js';
import { PartitionSearch, type LongestPrefix } from './search.js';
import { clusterZones, sortedBy, sortedByWeight, timeWeights, zoneConflict, type OpTimes, type Zones } from './zones.js';

/** What {@link decideUniqueValues} found for one partition. */
export type UniqueValuesDecision =
  | { valid: true; order: Int32Array; dropped: number }
  | { valid: false; witness: Operation[]; longest: LongestPrefix; dropped: number };

/**
 * Linearizability of one partition of a read/write register whose writes all write
 * different values (and none the initial value), in O(n log n) and without search
 * (Gibbons & Korach, "Testing shared memories", 1997).
 *
 * With unique values every read names its write, so a linearization is a sequence of
 * blocks, one per value: its write, then the reads that returned it (the initial
 * value's block has no write and comes first). It exists exactly when (1) every read
 * returned the initial value or a written one, (2) no read completed before its write
 * began, and (3) no two blocks must each come before the other ({@link zoneConflict}).
 * An indeterminate write takes part only when some read returned its value.
 *
 * Undefined means "not this case, or not sure": the caller searches instead. Neither
 * answer is taken on trust. A valid partition comes with a linearization that is
 * checked op by op against real time and the model's own steps; an invalid one with a
 * witness of at most six ops (the read, the writes and the ops that order them) that
 * the search proves not linearizable on its own; with every write of a read in it, no
 * linearization of the partition could exist either. The search's evidence on the
 * witness is the evidence reported.
 *
 * @example
 * const decision = decideUniqueValues(partition, registerModel({ init: 0 }));
 * if (decision?.valid === false) console.log(decision.witness);
 */
export function decideUniqueValues(ops: readonly Operation[], model: Model<any>): UniqueValuesDecision | undefined {
  const clusters = registerClusters(ops, model);
  if (clusters === undefined) return undefined;
  const times = { call: Float64Array.from(ops, (op) => op.call), ret: Float64Array.from(ops, (op) => op.ret) };
  const decision = decideClusters(times, clusters);
  if (!decision.valid) return confirmed(decision.witness.map((i) => ops[i]!), model, clusters.dropped);
  return certified(ops, model, decision.order) ? { valid: true, order: decision.order, dropped: clusters.dropped } : undefined;
}

/**
 * The decision on clusters, before any check of it: a candidate linearization (op
 * positions), or the positions of a few ops no linearization can hold together. Shared
 * by the partitions of Operations and those read as columns.
 *
 * @example
 * const decision = decideClusters(times, clusters);
 */
export function decideClusters(times: OpTimes, clusters: RegisterClusters): { valid: true; order: Int32Array } | { valid: false; witness: number[] } {
  const zones = clusterZones(times, clusters);
  const witness = impossibility(times, clusters, zones);
  return witness === undefined ? { valid: true, order: linearization(times, clusters, zones) } : { valid: false, witness };
}

/** Positions of a few ops no linearization can hold together, or undefined when there are none. */
function impossibility(times: OpTimes, clusters: RegisterClusters, zones: Zones): number[] | undefined {
  if (clusters.orphanRead !== -1) return withLastWrite(times, clusters, clusters.orphanRead);
  const { count, write, readStart, reads } = clusters;
  for (let c = 1; c < count; c++) {
    const w = write[c]!;
    for (let r = readStart[c]!; r < readStart[c + 1]!; r++) {
      if (times.ret[reads[r]!]! < times.call[w]!) return [w, reads[r]!];
    }
  }
  const pair = zoneConflict(zones);
  if (pair === undefined) return undefined;
  const involved = new Set<number>();
  for (const c of pair) for (const i of [write[c]!, zones.lowOp[c]!, zones.highOp[c]!]) if (i >= 0) involved.add(i);
  return [...involved].sort((a, b) => a - b);
}

/**
 * A read of a value nobody wrote, with the write that completed last before it began
 * (the value the read should have seen), so that the evidence names it too.
 */
function withLastWrite({ call, ret }: OpTimes, clusters: RegisterClusters, read: number): number[] {
  let last = -1;
  for (let c = 1; c < clusters.count; c++) {
    const w = clusters.write[c]!;
    if (ret[w]! < call[read]! && (last === -1 || ret[w]! > ret[last]!)) last = w;
  }
  return last === -1 ? [read] : [Math.min(last, read), Math.max(last, read)];
}

/**
 * The witness's search evidence, or undefined when the search finds it linearizable after all.
 *
 * @example
 * confirmed([write, staleRead], registerModel({ init: 0 }), 0)?.longest;
 */
export function confirmed(witness: Operation[], model: Model<any>, dropped: number): UniqueValuesDecision | undefined {
  const search = new PartitionSearch(witness, model, true);
  // At most six ops: the search ends within a few hundred steps.
  while (search.run(1024) === 'running');
  if (search.status !== 'illegal' || search.longest === undefined) return undefined;
  return { valid: false, witness, longest: search.longest, dropped };
}

/**
 * The blocks in an order where each comes after every block it must follow: by the
 * zone's left end (the smaller of low and high), a block whose left end is an
 * invocation before one whose left end is a completion; then the write, then its reads
 * by completion. Left-out clusters hold no ops.
 */
function linearization({ call, ret }: OpTimes, clusters: RegisterClusters, zones: Zones): Int32Array {
  const { count, write, readStart, reads } = clusters;
  const { low, high } = zones;
  const left = new Float64Array(count);
  for (let c = 0; c < count; c++) left[c] = Math.min(low[c]!, high[c]!);
  const forward = (c: number): number => (low[c]! < high[c]! ? 1 : 0);
  const blocks = sortedByWeight(timeWeights(left, 2, forward))
    ?? sortedBy(count, (a, b) => (left[a] === left[b] ? forward(a) - forward(b) || a - b : left[a]! < left[b]! ? -1 : 1));
  // At most every op; typed, since a partition may hold millions of them.
  const order = new Int32Array(call.length);
  let placed = 0;
  for (let k = 0; k < count; k++) {
    const c = blocks[k]!;
    if (c > 0 && low[c] === Infinity && high[c] === -Infinity) continue;
    if (c > 0) order[placed++] = write[c]!;
    const start = readStart[c]!;
    const end = readStart[c + 1]!;
    if (end - start === 1) order[placed++] = reads[start]!;
    if (end - start <= 1) continue;
    const block = reads.slice(start, end);
    sortReads(block, call, ret);
    for (let r = 0; r < block.length; r++) order[placed++] = block[r]!;
  }
  return order.subarray(0, placed);
}

/** Sorts a block's reads by completion, then invocation, then position: by insertion, since most blocks hold a few. */
function sortReads(block: Int32Array, call: ArrayLike<number>, ret: ArrayLike<number>): void {
  const before = (a: number, b: number): boolean => ret[a]! < ret[b]! || (ret[a] === ret[b] && (call[a]! < call[b]! || (call[a] === call[b] && a < b)));
  if (block.length > 32) {
    block.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return;
  }
  for (let i = 1; i < block.length; i++) {
    const r = block[i]!;
    let j = i - 1;
    while (j >= 0 && before(r, block[j]!)) {
      block[j + 1] = block[j]!;
      j--;
    }
    block[j + 1] = r;
  }
}

/**
 * True when `order` is a linearization: it holds every op with a known result, no op
 * comes after one that began after it completed, and the model takes every step.
 */
function certified(ops: readonly Operation[], model: Model<any>, order: Int32Array): boolean {
  let known = 0;
  for (const op of ops) if (op.ret !== Infinity) known++;
  let latestCall = -Infinity;
  let state: unknown = model.init();
  for (const i of order) {
    const op = ops[i]!;
    if (op.ret < latestCall) return false;
    if (op.call > latestCall) latestCall = op.call;
    const next = model.step(state, op.input, op.output);
    if (next.length === 0) return false;
    state = next[0];
    if (op.ret !== Infinity) known--;
  }
  return known === 0;
}
