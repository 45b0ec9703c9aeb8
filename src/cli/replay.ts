import { Command } from 'commander';
import pc from 'picocolors';
import { replay, type ReplayResult } from '../explore/replay.js';
import { explainOutcome } from '../report/verdict-reason.js';
import { EXIT, exitFor } from './exit-codes.js';
import { commandAction, Output } from './output.js';
import { storeModes, verdictWord } from './run.js';

interface ReplayFlags {
  json?: boolean;
  store?: string;
}

/**
 * `faultline replay <DIR | scenario.json>`: re-runs a saved scenario exactly and
 * confirms the history is byte-identical to the saved one and the verdict unchanged
 * (exit 0); a different history or verdict is reported with the first differing
 * line and exits 2. A scenario without a saved history is simply run (exit by verdict).
 *
 * @example
 * registerReplay(program); // faultline replay out/sl-async-seed7
 */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('re-run a saved scenario and confirm its history is byte-identical to the saved one')
    .argument('<path>', 'a folder holding scenario.json (and history.ndjson, results.json), or a scenario.json')
    .option('--store <file>', 'the store of your own the scenario names: an ES module whose default export is a ModeDefinition')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .action(commandAction(replayOne));
}

async function replayOne(path: string, flags: ReplayFlags, out: Output): Promise<number> {
  const result = replay(path, { modes: await storeModes(flags.store) });
  const { verdict } = result.outcome;
  const reason = explainOutcome(result.outcome).sentence;
  out.human(`verdict: ${verdictWord(verdict.valid, verdict.anomaly)}\nwhy: ${reason}`);
  for (const line of comparisonLines(result)) out.human(line);
  out.json({
    scenario: result.scenarioFile,
    ...(result.historyFile === undefined ? {} : { history: result.historyFile }),
    identical: result.identical ?? null,
    verdictUnchanged: result.verdictUnchanged ?? null,
    ...(result.firstDifference === undefined ? {} : { firstDifference: result.firstDifference }),
    verdict: { valid: verdict.valid, ...(verdict.anomaly === undefined ? {} : { anomaly: verdict.anomaly }), reason },
    ...(result.savedVerdict === undefined ? {} : { savedVerdict: { valid: result.savedVerdict.valid, anomaly: result.savedVerdict.anomaly ?? null } }),
  });
  if (result.identical === false || result.verdictUnchanged === false) return EXIT.USAGE;
  return result.identical === true ? EXIT.OK : exitFor(verdict.valid);
}

/** What matched and what did not, naming the first differing line of the history. */
function comparisonLines(result: ReplayResult): string[] {
  const lines: string[] = [];
  if (result.identical === undefined) {
    lines.push(`no saved history.ndjson beside ${result.scenarioFile}: ran the scenario without comparing`);
  } else if (result.identical) {
    lines.push(pc.green(`history identical to ${result.historyFile}, byte for byte`));
  } else {
    const diff = result.firstDifference!;
    lines.push(
      pc.red(`history differs from ${result.historyFile} at line ${diff.line}:`),
      `  saved:    ${diff.saved === '' ? '(nothing: the saved history ends here)' : diff.saved}`,
      `  replayed: ${diff.replayed === '' ? '(nothing: the replayed history ends here)' : diff.replayed}`,
    );
  }
  if (result.verdictUnchanged === false) {
    const saved = result.savedVerdict!;
    lines.push(pc.red(`verdict changed: saved ${String(saved.valid)}${saved.anomaly ? ` (${saved.anomaly})` : ''}, ` +
      `replayed ${String(result.outcome.verdict.valid)}${result.outcome.verdict.anomaly ? ` (${result.outcome.verdict.anomaly})` : ''}`));
  } else if (result.verdictUnchanged === true) {
    lines.push('verdict unchanged');
  }
  return lines;
}
