/**
 * `npm run bench`: every benchmark, printed as tables. Figures are medians over
 * repeated runs after a warm-up; run it on an idle machine.
 *
 * Select parts with arguments: `npm run bench -- corpus startup scale sim` (default: all).
 */
import { benchCorpus } from './corpus-bench.js';
import { corpusEntries } from './corpus-path.js';
import { freshCheck, startupBench, warmupRun } from './process-bench.js';
import { benchRouter } from './router-bench.js';
import { benchBigHistories, type BigHistoryRow } from './big-history-bench.js';
import { benchScale } from './scale-bench.js';
import { benchReport } from './report-bench.js';
import { benchSimKernel } from './sim-kernel.js';
import { printExploreBenchmarks } from './explore-bench.js';
import { benchRedundancy } from './redundancy-bench.js';
import { benchStore, type StoreMode } from './store-bench.js';
import { median } from './stats.js';
import { table } from './stats.js';

/**
 * Porcupine's check times (its CheckEvents, Go) on this kind of machine, in ms: the low
 * end of each measured range, so that a ratio is never flattered.
 */
const PORCUPINE_MS: Record<string, number> = {
  'jepsen/etcd_002.log': 180,
  'jepsen/etcd_007.log': 105,
  'kv/c50-ok.txt': 210,
  'kv/c50-bad.txt': 8,
  'kv/c10-ok.txt': 1.5,
};
const PORCUPINE_CORPUS_TOTAL_MS = 500;
/** Fresh processes per history: the median of this many. */
const FRESH_RUNS = 5;

const BENCHES: Record<string, () => Promise<void>> = {
  async corpus() {
    // Warm the JIT on the whole corpus once, as a long-running checker would be.
    await benchCorpus({ repeats: 1 });
    const rows = await benchCorpus({ repeats: 7 });
    if (rows.length === 0) return;
    const total = rows.reduce((sum, r) => sum + r.checkMsMedian, 0);
    const ratio = (ms: number, porcupine: number | undefined): string => (porcupine ? (ms / porcupine).toFixed(2) : '');
    console.log('\nLinearizability checker on the Porcupine corpus, warm (in one process, median of 7; parse separate)\n');
    console.log(
      table(
        ['history', 'expected', 'verdict', 'check ms', 'parse ms', 'porcupine ms', 'ratio'],
        rows.map((r) => [r.file, r.expected, r.verdict, r.checkMsMedian, r.parseMs, PORCUPINE_MS[r.file] ?? '', ratio(r.checkMsMedian, PORCUPINE_MS[r.file])]),
      ),
    );
    console.log(`\ncorpus total, warm: ${total.toFixed(1)} ms (Porcupine ~${PORCUPINE_CORPUS_TOTAL_MS} ms, ratio ${(total / PORCUPINE_CORPUS_TOTAL_MS).toFixed(2)})`);
    const wrong = rows.filter((r) => (r.expected === 'valid') !== (r.verdict === 'true'));
    if (wrong.length > 0) console.log(`WRONG VERDICTS: ${wrong.map((r) => r.file).join(', ')}`);

    // As a user or CI meets it: a new `faultline check --json` process per history.
    const fresh = corpusEntries().filter((entry) => PORCUPINE_MS[entry.file] !== undefined).map((entry) => {
      const warm = rows.find((r) => r.file === entry.file)!;
      return { entry, warm, ...freshCheck(entry, FRESH_RUNS) };
    });
    console.log(`\nThe same histories each in a fresh \`faultline check --json\` process (median of ${FRESH_RUNS}): elapsedMs, and the whole process's wall time\n`);
    console.log(
      table(
        ['history', 'verdict', 'porcupine ms', 'warm ms', 'warm ratio', 'fresh ms', 'fresh ratio', 'process wall ms'],
        fresh.map((r) => {
          const porcupine = PORCUPINE_MS[r.entry.file]!;
          return [r.entry.file, r.verdict, porcupine, r.warm.checkMsMedian, ratio(r.warm.checkMsMedian, porcupine), r.elapsedMsMedian, ratio(r.elapsedMsMedian, porcupine), r.wallMsMedian];
        }),
      ),
    );
    const freshTotal = fresh.reduce((sum, r) => sum + r.elapsedMsMedian, 0);
    const porcupineTotal = fresh.reduce((sum, r) => sum + PORCUPINE_MS[r.entry.file]!, 0);
    console.log(`\ntotal of these, fresh: ${freshTotal.toFixed(1)} ms (Porcupine ${porcupineTotal} ms, ratio ${(freshTotal / porcupineTotal).toFixed(2)})`);
    const startup = startupBench(11);
    console.log(`\nprocess start (median of 11, alternating): node -e 0 ${startup.bareNodeMs.toFixed(0)} ms; faultline check on 3 ops ${startup.checkMs.toFixed(0)} ms (+${(startup.checkMs - startup.bareNodeMs).toFixed(0)} ms)`);
  },
  async warmup() {
    // The same check again and again in one fresh process: the first run is the fresh figure,
    // the last the warm one; what lies between is V8 compiling and optimizing the checker.
    const CHECKS = 6;
    const rows = corpusEntries().filter((entry) => PORCUPINE_MS[entry.file] !== undefined).map((entry) => {
      const runs = [0, 1, 2].map(() => warmupRun(entry, CHECKS));
      const perCheck = Array.from({ length: CHECKS }, (_, i) => median(runs.map((run) => run[i]!)));
      return [entry.file, PORCUPINE_MS[entry.file]!, ...perCheck.map((ms) => ms.toFixed(2))];
    });
    console.log(`\nThe check run ${CHECKS} times in a row in one fresh process (ms, median of 3 processes)\n`);
    console.log(table(['history', 'porcupine ms', ...Array.from({ length: CHECKS }, (_, i) => `check ${i + 1}`)], rows));
  },
  async startup() {
    const startup = startupBench(21);
    console.log('\nProcess start, median of 21 spawns each, alternating\n');
    console.log(table(['command', 'wall ms'], [['node -e 0', startup.bareNodeMs], ['faultline check (3 ops)', startup.checkMs], ['difference', startup.checkMs - startup.bareNodeMs]]));
  },
  async scale() {
    const figures = await benchScale({ ops: 1_000_000, keys: 1000, processes: 50 });
    console.log('\nScale: generated kv history, read + validate + check as `faultline check` does\n');
    console.log(table(Object.keys(figures), [Object.values(figures).map((v) => (typeof v === 'number' ? v : String(v)))]));
  },
  async report() {
    const figures = await benchReport({ ops: 100_000, faults: 20, repeats: 3 });
    console.log('\nHTML report of a 100,000-op kv history with 20 faults (median of 3; limits: written < 5 s, first paint < 3 s, file < 30 MB)\n');
    console.log(table(['ops', 'faults', 'render ms', 'faultline report ms', 'faultline check ms', 'report - check ms', 'file MB', 'first paint ms', 'of which script ms'],
      [[String(figures.ops), String(figures.faults), figures.renderMs, figures.cliMs, figures.checkCliMs, Math.round(figures.cliMs - figures.checkCliMs),
        figures.fileMb, figures.firstPaintMs ?? 'no chromium', figures.scriptMs ?? '']]));
  },
  async big() {
    // FAULTLINE_BIG_RECORDS scales it down for a quick look; the figures that count are at 10 million.
    const records = Number(process.env.FAULTLINE_BIG_RECORDS ?? 10_000_000);
    // Each history takes minutes on a busy machine: say how far it got as it goes.
    const onRow = (r: BigHistoryRow): void => console.log(`  ${r.history} (${r.path}): ${r.valid}, read ${r.readS.toFixed(1)} s, check ${r.checkS.toFixed(1)} s`);
    const rows = await benchBigHistories({ records, searchTimeoutMs: 60_000, onRow });
    console.log(`\nBig histories: ${records} records (invokes and completions), 100 processes, 5% info; read + validate + check in a fresh process\n`);
    console.log(table(
      ['history', 'path', 'reader', 'file MB', 'read s', 'records read/s', 'check s', 'read + check s', 'peak RSS MB', 'verdict', 'algorithm', 'blames planted read'],
      rows.map((r) => [
        r.history, r.path, r.reader, r.fileMb.toFixed(0), r.readS.toFixed(2), `${(r.records / r.readS / 1e6).toFixed(2)} M`, r.checkS.toFixed(2),
        (r.readS + r.checkS).toFixed(2), r.peakRssMb.toFixed(0),
        r.stoppedBy ? `${r.valid} (${r.stoppedBy})` : r.valid, r.algorithm, r.blamesPlanted === undefined ? '' : String(r.blamesPlanted),
      ]),
    ));
  },
  async store() {
    console.log('\nSimulated client ops per wall-clock second (20 closed-loop clients, 50% reads, median of 3)\n');
    const rows: Array<Array<string | number>> = [];
    for (const mode of ['leaderless', 'single-leader', 'multi-leader'] as StoreMode[]) {
      for (const nodes of [3, 5]) {
        for (const faults of [false, true]) {
          const runs = [0, 1, 2].map(() => benchStore({ mode, nodes, faults, ops: 50_000, clients: 20 }));
          const opsPerSec = median(runs.map((r) => r.opsPerSec));
          rows.push([mode, nodes.toString(), faults ? 'partition+crash' : 'none', Math.round(opsPerSec).toString(), runs[0]!.okFraction.toFixed(3)]);
        }
      }
    }
    console.log(table(['mode', 'nodes', 'faults', 'ops/s', 'ok fraction'], rows));
    console.log('\nMemory over a long run (leaderless N=3, history streamed, not kept)\n');
    const memory = [100_000, 500_000, 1_000_000].map((ops) => {
      const figures = benchStore({ mode: 'leaderless', nodes: 3, faults: false, ops, clients: 20 });
      return [ops.toString(), figures.heapMbAfter.toFixed(1), Math.round(figures.opsPerSec).toString()];
    });
    console.log(table(['ops', 'heap MB after (gc)', 'ops/s'], memory));
  },
  async explore() {
    await printExploreBenchmarks();
  },
  async router() {
    // Warm-up, then the median of 5 runs of each load.
    await benchRouter({ nodes: 5, requests: 20_000, window: 50 });
    const rows: Array<Array<string | number>> = [];
    for (const [label, window] of [['light (1 in flight per client)', 1], ['saturated (50 in flight per client)', 50]] as const) {
      const runs: Awaited<ReturnType<typeof benchRouter>>[] = [];
      for (let i = 0; i < 5; i++) runs.push(await benchRouter({ nodes: 5, requests: window === 1 ? 5_000 : 50_000, window }));
      rows.push([label, Math.round(median(runs.map((r) => r.messagesPerSec))), median(runs.map((r) => r.hopMsP50)).toFixed(3), median(runs.map((r) => r.hopMsP99)).toFixed(3)]);
    }
    console.log('\nRouter of faultline test: 5 echo node processes, no added latency (median of 5)\n');
    console.log(table(['load', 'messages/s', 'hop p50 ms', 'hop p99 ms'], rows));
    console.log('\ngoals: >= 20,000 messages/s saturated; hop p50 < 1 ms');
  },
  async sim() {
    const figures = await benchSimKernel();
    console.log('\nSimulator kernel\n');
    console.log(table(['measure', 'per second'], Object.entries(figures).map(([k, v]) => [k, Math.round(v).toString()])));
  },
  async redundancy() {
    benchRedundancy({ runs: 200, seed: 1 });
  },
};

const chosen = process.argv.slice(2).filter((name) => !name.startsWith('-'));
for (const name of chosen.length > 0 ? chosen : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (bench === undefined) {
    console.error(`unknown benchmark "${name}" (known: ${Object.keys(BENCHES).join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  await bench();
}
