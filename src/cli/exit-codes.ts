/**
 * Exit codes shared by every subcommand (DESIGN.md's CLI contract).
 *
 * @example
 * process.exitCode = EXIT.VIOLATION;
 */
export const EXIT = {
  /** Valid, or nothing found. */
  OK: 0,
  /** A violation was found. */
  VIOLATION: 1,
  /** Usage error or bad input. */
  USAGE: 2,
  /** Unknown: a time or search budget ran out. */
  UNKNOWN: 3,
  /** Internal error: a bug in faultline, never a verdict; the details are written to a file. */
  INTERNAL: 4,
} as const;

/** The exit code for a three-valued verdict. */
export function exitFor(valid: boolean | 'unknown'): number {
  return valid === true ? EXIT.OK : valid === false ? EXIT.VIOLATION : EXIT.UNKNOWN;
}

/**
 * Bad input or usage, to be reported in one line and exit 2. Never carries a stack
 * trace to the user.
 *
 * @example
 * throw new UsageError('--timeout: expected a positive number of seconds, got "abc"');
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
