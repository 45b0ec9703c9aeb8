import type { Command } from 'commander';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pc from 'picocolors';
import { writeNdjson } from '../history/ndjson-writer.js';
import { EXTERNAL_FAULTS, type ExternalFault } from '../external/nemesis.js';
import { ExternalRunError } from '../external/run-error.js';
import type { ExternalTestOptions } from '../external/run-test.js';
import { EXTERNAL_WORKLOADS, type ExternalWorkloadName } from '../external/workloads.js';
import { exitFor, UsageError } from './exit-codes.js';
import { commandAction, type Output } from './output.js';
import { parseCount, parsePath, parseSeconds } from './parse-flags.js';
import { seedFrom } from './run.js';

/** The flags of `faultline test` and whether each takes a value. */
const FLAGS: Readonly<Record<string, boolean>> = {
  '--bin': true, '--workload': true, '-w': true, '--node-count': true, '--time-limit': true, '--rate': true,
  '--concurrency': true, '--latency': true, '--loss': true, '--nemesis': true, '--nemesis-interval': true,
  '--seed': true, '-s': true, '--out': true, '-o': true, '--json': false, '--report': false,
};

/**
 * `faultline test --bin PATH [ARGS…] --workload W`: a store of any language,
 * run as node processes speaking the Maelstrom protocol, driven and judged.
 *
 * @example
 * registerTest(program); // faultline test --bin node my-kv.js --workload lin-kv --nemesis partition
 */
export function registerTest(program: Command): void {
  program
    .command('test')
    .description('test a store of your own: its nodes as processes speaking the Maelstrom protocol (JSON lines on stdin/stdout)')
    .option('--bin <path> [args...]', 'the node binary and its arguments (every word up to the next flag of faultline test; after `--`, all the rest)')
    .option('-w, --workload <name>', `the workload: ${EXTERNAL_WORKLOADS.join(', ')}`)
    .option('--node-count <n>', 'server nodes n1..nN (default 3)')
    .option('--time-limit <s>', 'seconds of client ops before the faults heal and the final reads (default 10)')
    .option('--rate <r>', 'client ops per second over all clients (default 10)')
    .option('--concurrency <c>', 'client processes: a number, or Nn for N times the node count (default 2n)')
    .option('--latency <ms>', 'mean one-way latency per message, ms (exponential, capped at 10x; default 0)')
    .option('--loss <p>', 'probability that a message (between nodes, or to and from clients and services) is lost, in [0, 1) (default 0)')
    .option('--nemesis <kinds>', `faults, comma-separated: ${EXTERNAL_FAULTS.join(', ')} (default none)`)
    .option('--nemesis-interval <s>', 'seconds between a fault starting and healing, and between faults (default 5)')
    .option('-s, --seed <n>', 'fixes the workload and the fault schedule (default: a fresh one, printed)')
    .option('-o, --out <dir>', 'where to write history.ndjson, results.json and node-logs/ (default out/test-<workload>-seed<seed>)')
    .option('--report', 'also write DIR/report.html: the timeline of the ops with the faults, latency and throughput, the verdicts')
    .option('--json', 'print one JSON object on stdout; human text goes to stderr')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(commandAction(async (_flags: unknown, out: Output) => runTest(testArgs((program as unknown as { rawArgs: string[] }).rawArgs), out)));
}

/** The words after `test` on the command line (commander keeps them as `rawArgs`, untyped). */
function testArgs(raw: readonly string[]): string[] {
  const at = raw.indexOf('test');
  return raw.slice(at + 1);
}

/**
 * Splits the words of `faultline test` into its flags and the node binary's
 * command line: after `--bin PATH`, words up to the next faultline flag (or all
 * words after `--`) are the binary's arguments.
 *
 * @example
 * splitTestArgs(['--bin', 'node', 'kv.js', '--workload', 'lin-kv']); // { flags: { '--workload': 'lin-kv' }, bin: 'node', args: ['kv.js'] }
 */
export function splitTestArgs(words: readonly string[]): { flags: Record<string, string | true>; bin: string | undefined; args: string[] } {
  const flags: Record<string, string | true> = {};
  const args: string[] = [];
  let bin: string | undefined;
  let inBin = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      args.push(...words.slice(i + 1));
      break;
    }
    const [name, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    if (!(name in FLAGS)) {
      if (!inBin) throw new UsageError(word.startsWith('-') ? `test: unknown option ${word}` : `test: unexpected argument ${JSON.stringify(word)} (the binary's arguments go right after --bin PATH)`);
      args.push(word);
      continue;
    }
    const canonical = ({ '-w': '--workload', '-s': '--seed', '-o': '--out' } as Record<string, string>)[name] ?? name;
    if (canonical in flags) throw new UsageError(`${canonical}: given twice`);
    if (!FLAGS[name]) {
      flags[canonical] = true;
      continue;
    }
    const value = inline ?? words[++i];
    if (value === undefined) throw new UsageError(`${canonical}: expected a value`);
    flags[canonical] = value;
    inBin = canonical === '--bin';
    if (inBin) bin = value;
  }
  return { flags, bin, args };
}

async function runTest(words: string[], out: Output): Promise<number> {
  const options = testOptions(words);
  out.human(`testing ${[options.bin, ...options.args].join(' ')}: ${options.workload}, ${options.nodeCount} node(s), ${options.concurrency} client(s), ${options.timeLimitS} s at ${options.rate} op/s` +
    `${options.nemesis.length === 0 ? '' : `, nemesis ${options.nemesis.join(',')} every ${options.nemesisIntervalS} s`}, seed ${options.seed}`);
  // Loaded here, not at startup: process supervision (execa) is needed by this command only.
  const { runExternalTest } = await import('../external/run-test.js');
  let result;
  try {
    result = await runExternalTest({ ...options, log: (line) => process.stderr.write(`${line}\n`) });
  } catch (error) {
    if (error instanceof ExternalRunError) throw new UsageError(error.message);
    throw error;
  }
  const { verdict } = result;
  writeFileSync(join(options.dir, 'history.ndjson'), writeNdjson(result.history));
  const results = {
    valid: verdict.valid,
    ...(verdict.anomaly === undefined ? {} : { anomaly: verdict.anomaly }),
    reason: verdict.reason,
    workload: options.workload, seed: options.seed, nodeCount: options.nodeCount, concurrency: options.concurrency,
    timeLimitS: options.timeLimitS, rate: options.rate, latencyMs: options.latencyMs, nemesis: options.nemesis,
    bin: [options.bin, ...options.args],
    checks: verdict.checks,
    stats: result.stats,
    network: { ...result.network, links: result.network.links },
    faults: result.faults,
    nodeExits: result.nodeExits,
    malformedReplies: result.malformedReplies.length,
    droppedAtStdin: result.droppedAtStdin,
    peakMemoryMiB: result.peakMemoryMiB,
  };
  writeFileSync(join(options.dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (splitTestArgs(words).flags['--report'] === true) {
    // Loaded only when asked for, as check --report does.
    const [{ buildReportData }, { renderHtmlReport }] = await Promise.all([import('../report/html/build-report-data.js'), import('../report/html/render-html.js')]);
    const file = join(options.dir, 'report.html');
    writeFileSync(file, renderHtmlReport(buildReportData({ title: options.dir, history: result.history, verdict, replay: `faultline check ${join(options.dir, 'history.ndjson')}` })));
    process.stderr.write(`report written to ${file}\n`);
  }
  for (const end of result.nodeExits) {
    process.stderr.write(pc.yellow(`warning: ${end.node} exited during the run ${end.signal === null ? `with code ${end.code}` : `on signal ${end.signal}`}${end.stderrTail === '' ? '' : `; stderr ends:\n${end.stderrTail.split('\n').slice(-5).join('\n')}`}\n`));
  }
  if (result.malformedReplies.length > 0) process.stderr.write(pc.yellow(`warning: ${result.malformedReplies.length} malformed repl(ies), recorded as indeterminate; see results.json\n`));
  const s = result.stats;
  out.human(`ops: ${s.ops} (${s.ok} ok, ${s.fail} fail, ${s.info} info), availability ${(s.availability * 100).toFixed(1)}%, latency p50 ${s.latencyMs.all?.p50 ?? '-'} ms, p99 ${s.latencyMs.all?.p99 ?? '-'} ms; messages ${result.network.sent} (${result.network.serverSent} between servers, ${result.network.dropped} dropped)`);
  for (const [name, check] of Object.entries(verdict.checks ?? {})) {
    if ('skipped' in check) continue;
    const word = check.valid === true ? pc.green('valid') : check.valid === false ? pc.red(`INVALID (${check.anomaly ?? 'violation'})`) : pc.yellow('unknown');
    out.human(`${name}: ${word}: ${check.reason}`);
  }
  out.human(`verdict: ${verdict.valid === true ? pc.green('valid') : verdict.valid === false ? pc.red('INVALID') : pc.yellow('unknown')}; saved to ${options.dir}`);
  out.json({ ...results, dir: options.dir });
  return exitFor(verdict.valid);
}

/** The options of a test from its words; every bad flag is a UsageError naming it. */
function testOptions(words: string[]): ExternalTestOptions {
  const { flags, bin, args } = splitTestArgs(words);
  if (bin === undefined) throw new UsageError('--bin: give the node binary to test, e.g. --bin ./my-node or --bin node my-node.js');
  const workloadFlag = flags['--workload'];
  if (typeof workloadFlag !== 'string') throw new UsageError(`--workload: give one of ${EXTERNAL_WORKLOADS.join(', ')}`);
  if (!(EXTERNAL_WORKLOADS as readonly string[]).includes(workloadFlag)) throw new UsageError(`--workload: unknown workload "${workloadFlag}" (known: ${EXTERNAL_WORKLOADS.join(', ')})`);
  const text = (name: string): string | undefined => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  const nodeCount = parseCount('--node-count', text('--node-count') ?? '3', 1, 100);
  const seed = seedFrom(text('--seed'));
  const workload = workloadFlag as ExternalWorkloadName;
  const nemesis = nemesisKinds(text('--nemesis'));
  const dir = parsePath('--out', text('--out') ?? `out/test-${workload}-seed${seed}`);
  if (existsSync(dir) && readdirSync(dir).some((name) => !['history.ndjson', 'results.json', 'report.html', 'node-logs', 'node-data'].includes(name))) {
    throw new UsageError(`--out: ${dir} holds files that are not a test's; give an empty or new folder`);
  }
  return {
    bin: parsePath('--bin', bin), args, workload, nodeCount, seed, nemesis, dir,
    timeLimitS: parseSeconds('--time-limit', text('--time-limit') ?? '10'),
    rate: parsePositive('--rate', text('--rate') ?? '10'),
    concurrency: concurrencyOf(text('--concurrency') ?? '2n', nodeCount),
    latencyMs: parseNonNegative('--latency', text('--latency') ?? '0'),
    lossProbability: parseProbability('--loss', text('--loss') ?? '0'),
    nemesisIntervalS: parseSeconds('--nemesis-interval', text('--nemesis-interval') ?? '5'),
  };
}

function concurrencyOf(text: string, nodeCount: number): number {
  const times = /^(\d+)n$/.exec(text.trim());
  const count = times === null ? parseCount('--concurrency', text, 1, 1000) : Number(times[1]) * nodeCount;
  if (count < 1 || count > 1000) throw new UsageError(`--concurrency: expected 1 to 1000 clients, got ${JSON.stringify(text)}`);
  return count;
}

function nemesisKinds(text: string | undefined): ExternalFault[] {
  if (text === undefined || text.trim() === 'none') return [];
  const kinds = text.split(',').map((kind) => kind.trim()).filter((kind) => kind !== '');
  const unknown = kinds.filter((kind) => !(EXTERNAL_FAULTS as readonly string[]).includes(kind));
  if (unknown.length > 0 || kinds.length === 0) throw new UsageError(`--nemesis: unknown fault kind(s) ${JSON.stringify(text)} (known: ${EXTERNAL_FAULTS.join(', ')}, or none)`);
  return [...new Set(kinds)] as ExternalFault[];
}

function parseNonNegative(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) throw new UsageError(`${flag}: expected a number >= 0, got ${JSON.stringify(text)}`);
  return value;
}

function parsePositive(flag: string, text: string): number {
  const value = parseNonNegative(flag, text);
  if (value === 0) throw new UsageError(`${flag}: expected a number > 0, got ${JSON.stringify(text)}`);
  return value;
}

function parseProbability(flag: string, text: string): number {
  const value = parseNonNegative(flag, text);
  if (value >= 1) throw new UsageError(`${flag}: expected a probability in [0, 1), got ${JSON.stringify(text)}`);
  return value;
}
