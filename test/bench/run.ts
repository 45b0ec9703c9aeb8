/**
 * `npm run bench`: every benchmark, printed as tables. Figures are medians over
 * repeated runs after a warm-up; run it on an idle machine.
 *
 * Select parts with arguments: `npm run bench -- corpus scale sim` (default: all).
 */
import { benchCorpus } from './corpus-bench.js';
import { benchBigHistories, type BigHistoryRow } from './big-history-bench.js';
import { benchScale } from './scale-bench.js';
import { benchSimKernel } from './sim-kernel.js';
import { printExploreBenchmarks } from './explore-bench.js';
import { benchStore, type StoreMode } from './store-bench.js';
import { median } from './stats.js';
import { table } from './stats.js';

/** Porcupine's times on this machine (Go), as given with the reference corpus, in ms. */
const PORCUPINE_MS: Record<string, number> = {
  'jepsen/etcd_002.log': 179,
  'jepsen/etcd_007.log': 104,
  'kv/c50-ok.txt': 207,
  'kv/c50-bad.txt': 8,
};
const PORCUPINE_CORPUS_TOTAL_MS = 500;

const BENCHES: Record<string, () => Promise<void>> = {
  async corpus() {
    // Warm the JIT on the whole corpus once, as a long-running checker would be.
    await benchCorpus({ repeats: 1 });
    const rows = await benchCorpus({ repeats: 7 });
    if (rows.length === 0) return;
    const total = rows.reduce((sum, r) => sum + r.checkMsMedian, 0);
    console.log('\nLinearizability checker on the Porcupine corpus (median of 7, check time; parse separate)\n');
    console.log(
      table(
        ['history', 'expected', 'verdict', 'check ms', 'parse ms', 'porcupine ms', 'ratio'],
        rows.map((r) => {
          const porcupine = PORCUPINE_MS[r.file];
          return [r.file, r.expected, r.verdict, r.checkMsMedian, r.parseMs, porcupine ?? '', porcupine ? (r.checkMsMedian / porcupine).toFixed(2) : ''];
        }),
      ),
    );
    console.log(`\ncorpus total: ${total.toFixed(1)} ms (Porcupine ~${PORCUPINE_CORPUS_TOTAL_MS} ms, ratio ${(total / PORCUPINE_CORPUS_TOTAL_MS).toFixed(2)})`);
    const wrong = rows.filter((r) => (r.expected === 'valid') !== (r.verdict === 'true'));
    if (wrong.length > 0) console.log(`WRONG VERDICTS: ${wrong.map((r) => r.file).join(', ')}`);
  },
  async scale() {
    const figures = await benchScale({ ops: 1_000_000, keys: 1000, processes: 50 });
    console.log('\nScale: generated kv history, read + validate + check as `faultline check` does\n');
    console.log(table(Object.keys(figures), [Object.values(figures).map((v) => (typeof v === 'number' ? v : String(v)))]));
  },
  async big() {
    // FAULTLINE_BIG_RECORDS scales it down for a quick look; the figures that count are at 10 million.
    const records = Number(process.env.FAULTLINE_BIG_RECORDS ?? 10_000_000);
    // Each history takes minutes on a busy machine: say how far it got as it goes.
    const onRow = (r: BigHistoryRow): void => console.log(`  ${r.history} (${r.path}): ${r.valid}, read ${r.readS.toFixed(1)} s, check ${r.checkS.toFixed(1)} s`);
    const rows = await benchBigHistories({ records, searchTimeoutMs: 60_000, onRow });
    console.log(`\nBig histories: ${records} records (invokes and completions), 100 processes, 5% info; read + validate + check in a fresh process\n`);
    console.log(table(
      ['history', 'path', 'file MB', 'read s', 'check s', 'peak RSS MB', 'verdict', 'algorithm', 'blames planted read'],
      rows.map((r) => [
        r.history, r.path, r.fileMb.toFixed(0), r.readS.toFixed(2), r.checkS.toFixed(2), r.peakRssMb.toFixed(0),
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
  async sim() {
    const figures = await benchSimKernel();
    console.log('\nSimulator kernel\n');
    console.log(table(['measure', 'per second'], Object.entries(figures).map(([k, v]) => [k, Math.round(v).toString()])));
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
