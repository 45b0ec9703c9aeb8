/**
 * A store configuration that cannot work, naming the offending field by its path
 * (e.g. `leaderless.w`) so the message points the user at what to change.
 *
 * @example
 * throw new ConfigError('leaderless.w', 'exceeds n = 3', 4);
 * // message: "leaderless.w: 4 exceeds n = 3"
 */
export class ConfigError extends Error {
  /** Dotted path of the bad field, e.g. `singleLeader.failureDetector.threshold`; '' when the problem is the whole file. */
  readonly field: string;
  /** The file the config came from, when it came from one (it leads the message). */
  readonly file: string | undefined;
  /** The 1-based line of the field in that file, when known (`file:line` leads the message). */
  readonly line: number | undefined;

  /**
   * @param field dotted path of the bad field ('' for the whole file)
   * @param problem what is wrong with it, as a phrase (e.g. "must be a positive integer")
   * @param value the offending value, shown before the problem when given
   * @param file the file holding the config, when there is one
   * @param line the field's line in that file, when known
   */
  constructor(field: string, problem: string, value?: unknown, file?: string, line?: number) {
    const shown = value === undefined ? '' : `${formatValue(value)} `;
    const located = file !== undefined && line !== undefined ? `${file}:${line}` : file;
    const where = [located, field].filter((part) => part !== undefined && part !== '').join(': ');
    super(`${where}: ${shown}${problem}`);
    this.name = 'ConfigError';
    this.field = field;
    this.file = file;
    this.line = file === undefined ? undefined : line;
  }
}

/**
 * The same error, located in `file`: the message gains the file in front, `file`
 * holds the file and `field` keeps the field path alone.
 *
 * @example
 * inConfigFile('scenario.json', new ConfigError('store.mode', 'is missing'));
 * // message: "scenario.json: store.mode: is missing"; field: "store.mode"
 */
export function inConfigFile(file: string, error: ConfigError): ConfigError {
  const where = error.file === undefined ? '' : `${error.file}: `;
  const prefix = `${where}${error.field === '' ? '' : `${error.field}: `}`;
  const problem = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return new ConfigError(error.field, problem, undefined, file);
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Throws a {@link ConfigError} unless `value` is an integer within [min, max].
 *
 * @example
 * requireInteger('singleLeader.nodes', 3, 1, 99); // passes
 * requireInteger('singleLeader.nodes', 0, 1, 99); // throws "singleLeader.nodes: 0 must be an integer in [1, 99]"
 */
export function requireInteger(field: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new ConfigError(field, `must be an integer ${range}`, value);
  }
}

/**
 * Throws a {@link ConfigError} unless `value` is a finite number within [min, max].
 *
 * @example
 * requireNumber('singleLeader.leaseMs', 500, 0); // passes
 * requireNumber('singleLeader.leaseMs', -1, 0);  // throws "singleLeader.leaseMs: -1 must be a number >= 0"
 */
export function requireNumber(field: string, value: unknown, min: number, max = Number.POSITIVE_INFINITY): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new ConfigError(field, `must be a number ${range}`, value);
  }
}

/**
 * Throws a {@link ConfigError} unless `value` is one of `choices`.
 *
 * @example
 * requireOneOf('singleLeader.acks', 'quorum', ['async', 'sync']);
 * // throws 'singleLeader.acks: "quorum" must be one of async, sync'
 */
export function requireOneOf<T extends string>(field: string, value: unknown, choices: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new ConfigError(field, `must be one of ${choices.join(', ')}`, value);
  }
}

/**
 * Throws a {@link ConfigError} unless `value` is a finite number greater than 0.
 *
 * @example
 * requirePositive('singleLeader.failureDetector.threshold', 0);
 * // throws "singleLeader.failureDetector.threshold: 0 must be a number > 0"
 */
export function requirePositive(field: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(field, 'must be a number > 0', value);
  }
}
