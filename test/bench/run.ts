/**
 * `npm run bench`: every benchmark, printed as tables. Figures are medians over
 * repeated runs after a warm-up; run it on an idle machine.
 *
 * Select parts with arguments: `npm run bench -- corpus scale sim` (default: all).
 */
import { benchCorpus } from './corpus-bench.js';
import { benchRouter } from './router-bench.js';
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
