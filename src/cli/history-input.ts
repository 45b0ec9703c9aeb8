import { Option } from 'commander';
import { readHistory, type ParsedHistory, type ReadHistoryOptions } from '../history/index.js';
import { defaultNilReads, NIL_READINGS, type NilReads } from '../models/nil-reads.js';
import { UsageError } from './exit-codes.js';

/** What `-` is called in messages and output: the history read from standard input. */
export const STDIN_NAME = '<stdin>';

/**
 * The history a subcommand was pointed at: a file (gzip or not), or standard input
 * for `-`. One with no client operation (an empty file, only comments, only nemesis
 * ops) is a usage error: a CI step must not pass because its history came out empty.
 *
 * @example
 * const parsed = await readHistoryArgument('-', {}); // faultline check - < history.edn
 */
export async function readHistoryArgument(file: string, opts: ReadHistoryOptions): Promise<ParsedHistory> {
  const parsed = file === '-' ? await readHistory(process.stdin, { ...opts, file: STDIN_NAME }) : await readHistory(file, opts);
  if (!parsed.ops.some((op) => op.process !== 'nemesis')) throw new UsageError(`no client operations in ${parsed.file}`);
  return parsed;
}

/**
 * The `--nil-reads` option, shared by the subcommands that check a recorded history.
 *
 * @example
 * command.addOption(nilReadsOption());
 */
export function nilReadsOption(): Option {
  return new Option(
    '--nil-reads <reading>',
    'a completed read of nil: unknown (a read of an unknown value, matching any state, as Jepsen reads it) or value (a read of the value nil) ' +
      '(default: unknown for EDN and Jepsen logs, value for NDJSON)',
  ).choices(NIL_READINGS);
}

/**
 * The reading of nil reads to check a history with: the flag's, else the one its format
 * was written for.
 *
 * @example
 * nilReadsFor(undefined, 'edn'); // 'unknown'
 */
export function nilReadsFor(flag: NilReads | undefined, format: ParsedHistory['format']): NilReads {
  return flag ?? defaultNilReads(format);
}
