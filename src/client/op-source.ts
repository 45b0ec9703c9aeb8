/**
 * One op a driver asks a client to perform: the workload's `f`, key and value,
 * and optionally the virtual time before which it must not start.
 */
export interface PlannedOp {
  f: string;
  key?: string | number;
  value: unknown;
  /** Start no earlier than this virtual time, in ms. Default: as soon as the client is idle. */
  atMs?: number;
}

export interface ScenarioOp extends PlannedOp {
  /** The logical client that performs it, 0-based. */
  process: number;
}

/**
 * Where a client process gets its next op from, asked each time it is idle;
 * `undefined` means the client has nothing more to do.
 */
export interface OpSource {
  next(nowMs: number): PlannedOp | undefined;
}

/**
 * An op source that hands out a fixed list in order.
 *
 * @example
 * const source = queueSource([{ f: 'write', key: 'x', value: 1 }, { f: 'read', key: 'x', value: null }]);
 * source.next(0); // the write
 */
export function queueSource(ops: readonly PlannedOp[]): OpSource {
  let position = 0;
  return { next: () => ops[position++] };
}

/**
 * An op source driven by a generator callback, called with the virtual time and
 * how many ops it handed out before.
 *
 * @example
 * const source = generatorSource((_nowMs, count) => (count < 10 ? { f: 'add', key: 'c', value: 1 } : undefined));
 */
export function generatorSource(generate: (nowMs: number, count: number) => PlannedOp | undefined): OpSource {
  let count = 0;
  return {
    next: (nowMs) => {
      const op = generate(nowMs, count);
      if (op !== undefined) count++;
      return op;
    },
  };
}
