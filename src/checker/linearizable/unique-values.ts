import type { Operation } from '../../history/operation.js';
import type { Model } from '../../models/model.js';
import { registerClusters, type RegisterClusters } from './register-clusters.js';
import { PartitionSearch, type LongestPrefix } from './search.js';
import { clusterZones, sortedBy, zoneConflict, type Zones } from './zones.js';

/** What {@link decideUniqueValues} found for one partition. */
export type UniqueValuesDecision =
  | { valid: true; order: number[]; dropped: number }
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
  const zones = clusterZones(ops, clusters);
  const witness = impossibility(ops, clusters, zones);
  if (witness !== undefined) return confirmed(witness.map((i) => ops[i]!), model, clusters.dropped);
  const order = linearization(ops, clusters, zones);
  return certified(ops, model, order) ? { valid: true, order, dropped: clusters.dropped } : undefined;
}

/** Positions of a few ops no linearization can hold together, or undefined when there are none. */
function impossibility(ops: readonly Operation[], clusters: RegisterClusters, zones: Zones): number[] | undefined {
  if (clusters.orphanRead !== -1) return withLastWrite(ops, clusters, clusters.orphanRead);
  const { count, write, readStart, reads } = clusters;
  for (let c = 1; c < count; c++) {
    const w = write[c]!;
    for (let r = readStart[c]!; r < readStart[c + 1]!; r++) {
      if (ops[reads[r]!]!.ret < ops[w]!.call) return [w, reads[r]!];
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
function withLastWrite(ops: readonly Operation[], clusters: RegisterClusters, read: number): number[] {
  let last = -1;
  for (let c = 1; c < clusters.count; c++) {
    const w = clusters.write[c]!;
    if (ops[w]!.ret < ops[read]!.call && (last === -1 || ops[w]!.ret > ops[last]!.ret)) last = w;
  }
  return last === -1 ? [read] : [Math.min(last, read), Math.max(last, read)];
}

/** The witness's search evidence, or undefined when the search finds it linearizable after all. */
function confirmed(witness: Operation[], model: Model<any>, dropped: number): UniqueValuesDecision | undefined {
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
function linearization(ops: readonly Operation[], clusters: RegisterClusters, zones: Zones): number[] {
  const { count, write, readStart, reads } = clusters;
  const { low, high } = zones;
  const left = new Float64Array(count);
  for (let c = 0; c < count; c++) left[c] = Math.min(low[c]!, high[c]!);
  const forward = (c: number): number => (low[c]! < high[c]! ? 1 : 0);
  const blocks = sortedBy(count, (a, b) => (left[a] === left[b] ? forward(a) - forward(b) || a - b : left[a]! < left[b]! ? -1 : 1));
  const order: number[] = [];
  for (const c of blocks) {
    if (c > 0 && low[c] === Infinity && high[c] === -Infinity) continue;
    if (c > 0) order.push(write[c]!);
    const start = readStart[c]!;
    const end = readStart[c + 1]!;
    if (end - start === 1) order.push(reads[start]!);
    if (end - start <= 1) continue;
    const block = Array.from(reads.subarray(start, end));
    block.sort((a, b) => ops[a]!.ret - ops[b]!.ret || ops[a]!.call - ops[b]!.call || a - b);
    for (const r of block) order.push(r);
  }
  return order;
}

/**
 * True when `order` is a linearization: it holds every op with a known result, no op
 * comes after one that began after it completed, and the model takes every step.
 */
function certified(ops: readonly Operation[], model: Model<any>, order: readonly number[]): boolean {
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
