import { NULL_VALUE, valueOfKey, type OperationColumns } from '../../history/op-columns.js';
import type { Operation } from '../../history/operation.js';
import type { Model } from '../../models/model.js';
import { decidedFailure, explainFailure, invalidVerdict, searchBudget, type BudgetEnd, type LinearizableDetail, type LinearizableVerdict, type PartitionFailure, type SearchBudget } from './check.js';
import { oneLineReason } from './one-line-reason.js';
import { clustersOfReads, type RegisterClusters } from './register-clusters.js';
import { confirmed, decideClusters } from './unique-values.js';

/**
 * {@link checkLinearizable} for a history read as columns ({@link readOpColumns}): the
 * same verdict, in the same shape, for a read/write register or a kv store whose
 * writes write different values, found in O(n log n) over typed arrays with no object
 * per op (ten million ops in seconds). Undefined when the history is not that case: an
 * op other than a read or a write, a write of a value written before or of the initial
 * value, keys where the model has none (or none where it needs them), a nil read under
 * the `unknown` reading. The caller then checks it the general way.
 *
 * Like the general fast path it takes nothing on trust: a valid partition's
 * linearization is replayed against real time and the register's steps, and an
 * invalid one's few-op witness is proved by the search (with the search's evidence on
 * the whole partition when that is small).
 *
 * @example
 * const verdict = checkLinearizableColumns(operations, strings, kvModel({ init: null }), {});
 * if (verdict === undefined) {
 *   // not a unique-values register history: check it the general way
 * }
 */
export function checkLinearizableColumns(
  operations: OperationColumns,
  strings: readonly string[],
  model: Model<any>,
  constraints: { timeoutMs?: number; maxMemoryBytes?: number } = {},
): LinearizableVerdict | undefined {
  const started = performance.now();
  const budget = searchBudget(constraints.timeoutMs === undefined ? Infinity : started + constraints.timeoutMs, constraints.maxMemoryBytes);
  const shape = registerShape(operations, strings, model);
  if (shape === undefined) return undefined;
  const { starts, order } = partitionsOf(operations, strings.length);
  const partitions = starts.length - 1;
  const failures: PartitionFailure[] = [];
  let dropped = 0;
  const clusterOfValue = new ValueTable([operations.input, operations.output], operations.count, strings.length);
  for (let p = 0; p < partitions; p++) {
    const members = order.subarray(starts[p]!, starts[p + 1]!);
    const part = partitions === 1 ? operations : gathered(operations, members);
    const clusters = clustersOf(part, shape, clusterOfValue, p);
    if (clusters === undefined) return undefined;
    dropped += clusters.dropped;
    // After the first failure the others are only grouped: the general path decides every
    // partition before it stops, and counts what each leaves out.
    if (failures.length > 0) continue;
    const decision = decideClusters(part, clusters);
    if (decision.valid) {
      if (!certified(part, shape, decision.order)) return undefined;
    } else {
      const failure = failureOf(p, operations, strings, members, decision.witness, model, clusters.dropped, budget);
      if (failure === undefined) return undefined;
      failures.push(failure);
    }
    const over = budget.over();
    if (over !== undefined && failures.length === 0) return unknownVerdict(model, operations.count, partitions, dropped, started, over, constraints);
  }
  const valid = failures.length === 0;
  const detail: LinearizableDetail = {
    model: model.name, ops: operations.count, partitions, pruned: dropped,
    elapsedMs: performance.now() - started, algorithm: 'unique-values', failures,
  };
  const reason = oneLineReason(valid, detail, model, constraints.timeoutMs);
  if (valid) return { valid, reason, detail };
  return invalidVerdict(reason, detail, unwrittenRead(operations, strings, shape));
}

/** What the register's ops are, in value keys. */
interface RegisterShape {
  /** Per f id: 1 a read, 2 a write. */
  roles: Uint8Array;
  /** The initial value's value key (one no op holds when it is a string the history lacks). */
  init: number;
}

const READ = 1;
const WRITE = 2;

/** The register's reading of these operations, or undefined when they are not its plain case. */
function registerShape(operations: OperationColumns, strings: readonly string[], model: Model<any>): RegisterShape | undefined {
  if (model.name !== 'register' && model.name !== 'kv') return undefined;
  const init = initKey(model.init(), strings);
  if (init === undefined) return undefined;
  const roles = new Uint8Array(strings.length);
  for (const [name, role] of [['read', READ], ['get', READ], ['write', WRITE], ['put', WRITE]] as const) {
    const id = strings.indexOf(name);
    if (id >= 0) roles[id] = role;
  }
  const keyed = model.name === 'kv';
  const nilIsUnknown = model.nilReads === 'unknown';
  for (let i = 0; i < operations.count; i++) {
    const role = roles[operations.f[i]!]!;
    if (role === 0 || (operations.key[i] !== NULL_VALUE) !== keyed) return undefined;
    if (role === READ && nilIsUnknown && operations.known[i] === 1 && operations.output[i] === NULL_VALUE) return undefined;
  }
  return { roles, init };
}

/** A value key no op holds: the initial value when the history never mentions it. */
const ABSENT = -0.25;

function initKey(init: unknown, strings: readonly string[]): number | undefined {
  if (init === null || init === undefined) return NULL_VALUE;
  if (typeof init === 'number') return Number.isSafeInteger(init) && !Object.is(init, -0) ? init : undefined;
  if (typeof init !== 'string') return undefined;
  const id = strings.indexOf(init);
  return id >= 0 ? id + 0.5 : ABSENT;
}

/**
 * The operations grouped by key, each group in invocation order, the groups in the
 * order their keys first appear (as the kv model partitions them): `order[starts[p],
 * starts[p+1])` are partition p's operation positions.
 */
function partitionsOf(operations: OperationColumns, strings: number): { starts: Int32Array; order: Int32Array } {
  const n = operations.count;
  const partitionOf = new Int32Array(n);
  const byKey = new ValueTable([operations.key], n, strings);
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = operations.key[i]!;
    let p = byKey.get(key);
    if (p === undefined) {
      p = sizes.length;
      byKey.set(key, p);
      sizes.push(0);
    }
    partitionOf[i] = p;
    sizes[p]!++;
  }
  const starts = new Int32Array(sizes.length + 1);
  for (let p = 0; p < sizes.length; p++) starts[p + 1] = starts[p]! + sizes[p]!;
  const fill = starts.slice(0, sizes.length);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[partitionOf[i]!]!++] = i;
  return { starts, order };
}

/** One partition's columns, its ops at positions 0..n-1. */
interface Part {
  call: Float64Array;
  ret: Float64Array;
  f: Int32Array;
  input: Float64Array;
  output: Float64Array;
  known: Uint8Array;
}

function gathered(o: OperationColumns, members: Int32Array): Part {
  const n = members.length;
  const part: Part = {
    call: new Float64Array(n), ret: new Float64Array(n), f: new Int32Array(n),
    input: new Float64Array(n), output: new Float64Array(n), known: new Uint8Array(n),
  };
  for (let j = 0; j < n; j++) {
    const i = members[j]!;
    part.call[j] = o.call[i]!;
    part.ret[j] = o.ret[i]!;
    part.f[j] = o.f[i]!;
    part.input[j] = o.input[i]!;
    part.output[j] = o.output[i]!;
    part.known[j] = o.known[i]!;
  }
  return part;
}

/**
 * The partition's {@link RegisterClusters}, as registerClusters groups Operations, or
 * undefined when two writes write one value or a write writes the initial one.
 * `clusterOfValue` is scratch space, cleared here.
 */
function clustersOf(part: Part, shape: RegisterShape, clusterOfValue: ValueTable, partition: number): RegisterClusters | undefined {
  const n = part.call.length;
  clusterOfValue.clear(partition);
  clusterOfValue.set(shape.init, 0);
  // Cluster 0 is the initial value's, with no write; typed, since a partition may hold millions of writes.
  const writes = new Int32Array(n + 1);
  writes[0] = -1;
  let count = 1;
  const clusterOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (shape.roles[part.f[i]!] !== WRITE) continue;
    const value = part.input[i]!;
    if (clusterOfValue.has(value)) return undefined;
    clusterOfValue.set(value, count);
    clusterOf[i] = count;
    writes[count++] = i;
  }
  const readCount = new Int32Array(count + 1);
  let orphanRead = -1;
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    if (shape.roles[part.f[i]!] !== READ) continue;
    // A read with an unknown result observed nothing.
    if (part.known[i] === 0) {
      dropped++;
      continue;
    }
    const c = clusterOfValue.get(part.output[i]!);
    if (c === undefined) {
      if (orphanRead === -1) orphanRead = i;
      continue;
    }
    clusterOf[i] = c;
    readCount[c + 1]!++;
  }
  const isRead = (i: number): boolean => shape.roles[part.f[i]!] === READ;
  return clustersOfReads({ isRead, clusterOf, readCount, writes: writes.subarray(0, count), ret: (i) => part.ret[i]!, orphanRead, dropped });
}

/**
 * A number for each value key, for one partition at a time: a value key maps to a slot
 * of a typed array when it is nil, a string, or an integer in the range the given
 * columns' integers span (when that range is not much larger than the history), else to
 * a Map entry. Slots are stamped with their partition, so moving to the next partition
 * clears nothing. (A Map of millions of number keys costs seconds; this, a fraction.)
 */
class ValueTable {
  private readonly low: number;
  private readonly ints: number;
  private readonly cluster: Int32Array;
  private readonly stamp: Int32Array;
  private readonly others = new Map<number, number>();
  private partition = 0;

  constructor(columns: readonly Float64Array[], count: number, private readonly strings: number) {
    let low = Infinity;
    let high = -Infinity;
    for (const column of columns) {
      for (let i = 0; i < count; i++) {
        const key = column[i]!;
        if (!Number.isInteger(key)) continue;
        if (key < low) low = key;
        if (key > high) high = key;
      }
    }
    this.low = low;
    this.ints = low <= high && high - low + 1 <= 4 * count + 4096 ? high - low + 1 : 0;
    const size = 1 + strings + this.ints;
    this.cluster = new Int32Array(size);
    this.stamp = new Int32Array(size).fill(-1);
  }

  clear(partition: number): void {
    this.partition = partition;
    this.others.clear();
  }

  get(key: number): number | undefined {
    const slot = this.slot(key);
    if (slot < 0) return this.others.get(key);
    return this.stamp[slot] === this.partition ? this.cluster[slot] : undefined;
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  set(key: number, cluster: number): void {
    const slot = this.slot(key);
    if (slot < 0) {
      this.others.set(key, cluster);
      return;
    }
    this.stamp[slot] = this.partition;
    this.cluster[slot] = cluster;
  }

  private slot(key: number): number {
    if (key === NULL_VALUE) return 0;
    if (Number.isInteger(key)) return key - this.low < this.ints && key >= this.low ? 1 + this.strings + key - this.low : -1;
    return key > 0 ? 1 + key - 0.5 : -1;
  }
}

/**
 * True when `order` linearizes the partition: every op with a known result is in it,
 * none comes after an op that began after it completed, and each read returns the
 * value of the write before it (the initial value before any).
 */
function certified(part: Part, shape: RegisterShape, order: Int32Array): boolean {
  let known = 0;
  for (let i = 0; i < part.ret.length; i++) if (part.ret[i] !== Infinity) known++;
  let latestCall = -Infinity;
  let state = shape.init;
  for (const i of order) {
    if (part.ret[i]! < latestCall) return false;
    if (part.call[i]! > latestCall) latestCall = part.call[i]!;
    if (shape.roles[part.f[i]!] === WRITE) state = part.input[i]!;
    else if (part.known[i] === 1 && part.output[i] !== state) return false;
    if (part.ret[i] !== Infinity) known--;
  }
  return known === 0;
}

/** The failure of partition p, proved by the search on its witness; undefined when the search does not confirm it. */
function failureOf(
  p: number,
  operations: OperationColumns,
  strings: readonly string[],
  members: Int32Array,
  witness: number[],
  model: Model<any>,
  dropped: number,
  budget: SearchBudget,
): PartitionFailure | undefined {
  // The witness's ops are the partition's own objects, as on the general path: evidence tells ops apart by identity.
  const partition = members.length <= SMALL_PARTITION ? Array.from(members, (i) => operationAt(operations, strings, i)) : undefined;
  const at = (j: number): Operation => partition?.[j] ?? operationAt(operations, strings, members[j]!);
  const decision = confirmed(witness.map(at), model, dropped);
  if (decision === undefined || decision.valid) return undefined;
  if (partition !== undefined) return decidedFailure(p, partition, decision, model, budget);
  // Too large to make objects of: only the ops concurrent with the blocked one, which is all the evidence shows of the rest.
  const blocked = decision.longest.blockedOp >= 0 ? decision.witness[decision.longest.blockedOp] : undefined;
  const concurrent: Operation[] = [];
  if (blocked !== undefined) {
    for (const i of members) {
      if (operations.call[i]! < blocked.ret && blocked.call < operations.ret[i]!) concurrent.push(i === blocked.id ? blocked : operationAt(operations, strings, i));
    }
  }
  return explainFailure(p, decision.witness, decision.longest, concurrent);
}

/** Partitions up to this size are made Operations of for their evidence, as the general path does. */
const SMALL_PARTITION = 20_000;

/** Operation `i` as an object, exactly as pairOperations would have made it. */
function operationAt(o: OperationColumns, strings: readonly string[], i: number): Operation {
  const f = strings[o.f[i]!]!;
  const value = valueOfKey(o.input[i]!, strings);
  const input = o.key[i] === NULL_VALUE ? { f, value } : { f, key: valueOfKey(o.key[i]!, strings) as string | number, value };
  const output = o.known[i] === 1 ? { known: true, value: valueOfKey(o.output[i]!, strings) } : { known: false, value: null };
  return { id: i, process: o.process[i]!, call: o.call[i]!, ret: o.ret[i]!, input, output, invokeIndex: o.call[i]!, completeIndex: o.completeIndex[i]! };
}

/** The first read of a value no write wrote (nor the initial value, nor nil), as an Operation. */
function unwrittenRead(o: OperationColumns, strings: readonly string[], shape: RegisterShape): Operation | undefined {
  const written = new Set<number>([NULL_VALUE, shape.init]);
  for (let i = 0; i < o.count; i++) if (shape.roles[o.f[i]!] === WRITE) written.add(o.input[i]!);
  for (let i = 0; i < o.count; i++) {
    if (shape.roles[o.f[i]!] === READ && o.known[i] === 1 && !written.has(o.output[i]!)) return operationAt(o, strings, i);
  }
  return undefined;
}

function unknownVerdict(
  model: Model<any>, ops: number, partitions: number, pruned: number, started: number,
  stoppedBy: BudgetEnd, constraints: { timeoutMs?: number; maxMemoryBytes?: number },
): LinearizableVerdict {
  const detail: LinearizableDetail = {
    model: model.name, ops, partitions, pruned, elapsedMs: performance.now() - started,
    algorithm: 'unique-values', failures: [], stoppedBy,
  };
  const reason = stoppedBy === 'memory'
    ? `the linearizability check ran out of its memory budget of ${Math.round(constraints.maxMemoryBytes! / 2 ** 20)} MB (${ops} ops, ${partitions} partition(s))`
    : oneLineReason('unknown', detail, model, constraints.timeoutMs);
  return { valid: 'unknown', reason, detail };
}
