/**
 * Bounds on what a history reader accepts, so that hostile or broken input (a
 * 600 MB line, `/dev/zero`, a value nested 100,000 deep) is bad input with a clear
 * message rather than a crash of the reader or of a checker that recurses.
 *
 * @example
 * await readHistory('big.ndjson', { maxLineLength: 1 << 20 }); // lines of at most 1 Mi characters
 */
export interface HistoryLimits {
  /** The longest line (and the longest EDN op, which may span lines), in characters. */
  maxLineLength: number;
  /** The deepest nesting of arrays and maps inside one op's field (`[[1]]` is 2 deep). */
  maxDepth: number;
}

/**
 * The default bounds: far above any real history (a Jepsen value is rarely nested
 * more than a few levels, and a line of 64 Mi characters is a 64 MB op), far below
 * what breaks the process (V8's longest string, the call stack of the checkers).
 *
 * @example
 * DEFAULT_HISTORY_LIMITS.maxDepth; // 256
 */
export const DEFAULT_HISTORY_LIMITS: Readonly<HistoryLimits> = Object.freeze({
  maxLineLength: 64 * 1024 * 1024,
  maxDepth: 256,
});

/**
 * The problem text for a value nested beyond the bound; readers use it verbatim so
 * that every format says the same thing.
 *
 * @example
 * tooDeep(256); // 'nested deeper than 256 levels (the limit on nesting)'
 */
export function tooDeep(maxDepth: number): string {
  return `nested deeper than ${maxDepth} levels (the limit on nesting)`;
}

/**
 * The problem text for a line (or an EDN op) beyond the bound.
 *
 * @example
 * tooLong(10, 'line'); // 'line longer than 10 characters (the limit on one line)'
 */
export function tooLong(maxLineLength: number, what: 'line' | 'op'): string {
  return `${what} longer than ${maxLineLength} characters (the limit on one ${what})`;
}

/**
 * True when `value` nests arrays or objects more than `maxDepth` levels deep. It walks
 * without recursion, so it cannot itself overflow the stack however deep the value.
 *
 * @example
 * nestedDeeperThan([[1]], 1); // true
 * nestedDeeperThan([[1]], 2); // false
 */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}
