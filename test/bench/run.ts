/**
 * `npm run bench`: every benchmark, printed as tables. Figures are medians over
 * repeated runs after a warm-up; run it on an idle machine.
 *
 * Select parts with arguments: `npm run bench -- corpus scale sim` (default: all).
 */
import { benchCorpus } from './corpus-bench.js';
import { benchScale } from './scale-bench.js';
import { benchSimKernel } from './sim-kernel.js';
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
