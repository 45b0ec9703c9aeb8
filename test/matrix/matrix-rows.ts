/**
 * The verdict matrix: for each preset, what exploring it from a fixed seed must
 * show, and which checker must show it. The matrix test and the matrix
 * benchmark both read this table.
 *
 * A weak row is only worth something when it fails for the reason the
 * literature gives, so each one also names a counterfactual: the same shrunk
 * counterexample with the weakness taken away (a store setting, or the faults
 * that cause it) must no longer break that promise.
 */
import type { WorkloadSpec } from '../../workloads/workload.js';
import type { Scenario } from '../../src/run/scenario.js';
import type { FaultKind } from '../../src/nemesis/fault.js';
import type { StoreConfig } from '../../src/store/config.js';
import { defaultStandby } from '../../src/store/single-leader/config.js';

/**
 * One promise a row's counterexample must keep or break: the checker's verdict
 * under `checks[checker]` is valid, or invalid with `anomaly`.
 *
 * @example
 * const claim: Claim = { checker: 'durability', anomaly: 'lost-write' };
 */
export interface Claim {
  checker: string;
  /** The anomaly class it must report, or 'valid' for a promise that must hold. */
  anomaly: string;
}

/**
 * One matrix row.
 *
 * @example
 * const row: MatrixRow = MATRIX_ROWS.find((r) => r.preset === 'sl-async')!;
 */
export interface MatrixRow {
  /** Unique among the rows: the preset, or preset/what when a preset has several rows. */
  id: string;
  preset: string;
  /** The README's wording of what the row shows. */
  expected: string;
  /** A workload other than the preset's (for a claim that needs another one). */
  workload?: Partial<WorkloadSpec>;
  /** Fault kinds other than the preset's (to show a claim without a second cause mixed in). */
  kinds?: FaultKind[];
  /** Most faults per scenario, when not the explorer's default of 3. */
  maxFaults?: number;
  /** True for the rows whose budget must find nothing. */
  clean: boolean;
  /** Most scenarios to explore (clean rows use fewer, to fit the time). */
  runs: number;
  seed: number;
  /** What the shrunk counterexample's verdict must show. */
  claims: Claim[];
  /** Why it fails, in one sentence, and the scenario without that cause (whose `claims[0]` must then hold). */
  cause?: { why: string; without: (scenario: Scenario) => Scenario };
}

/**
 * The matrix budget: at most 2,000 scenarios or 60 s of exploring per row.
 *
 * @example
 * await explore({ preset: row.preset, runs: Math.min(row.runs, MATRIX_BUDGET.runs), timeSeconds: MATRIX_BUDGET.timeSeconds });
 */
export const MATRIX_BUDGET = { runs: 2_000, timeSeconds: 60 } as const;

/** Clean rows explore this many scenarios: enough to cover every fault kind many times, within the time. */
const CLEAN_RUNS = 300;

/** The scenario with a store setting changed (the store is the preset's, so its mode is known). */
function withStore(change: (store: StoreConfig) => StoreConfig): (scenario: Scenario) => Scenario {
  return (scenario) => ({ ...scenario, store: change(structuredClone(scenario.store)) });
}

function singleLeaderSetting(settings: Record<string, unknown>): (scenario: Scenario) => Scenario {
  return withStore((store) => {
    if (store.mode !== 'single-leader') throw new RangeError(`expected a single-leader store, got ${store.mode}`);
    return { ...store, singleLeader: { ...store.singleLeader, ...settings } };
  });
}

function multiLeaderSetting(settings: Record<string, unknown>): (scenario: Scenario) => Scenario {
  return withStore((store) => {
    if (store.mode !== 'multi-leader') throw new RangeError(`expected a multi-leader store, got ${store.mode}`);
    return { ...store, multiLeader: { ...store.multiLeader, ...settings } };
  });
}

function leaderlessSetting(settings: Record<string, unknown>): (scenario: Scenario) => Scenario {
  return withStore((store) => {
    if (store.mode !== 'leaderless') throw new RangeError(`expected a leaderless store, got ${store.mode}`);
    return { ...store, leaderless: { ...store.leaderless, ...settings } };
  });
}

/** The scenario without the faults whose kind starts with `prefix` (clock-bump, clock-drift, ...). */
function withoutFaults(prefix: string): (scenario: Scenario) => Scenario {
  return (scenario) => ({ ...scenario, faults: scenario.faults.filter((fault) => !fault.kind.startsWith(prefix)) });
}

/** Both byzantine defences on: checksums and authenticated epochs. */
const DEFENDED = singleLeaderSetting({ checksums: true, authenticatedEpochs: true });

/**
 * Every row, in the README's order.
 *
 * @example
 * MATRIX_ROWS.map((row) => row.id); // ['sl-majority', 'sl-async', ...]
 */
export const MATRIX_ROWS: readonly MatrixRow[] = [
  {
    id: 'sl-majority', preset: 'sl-majority', expected: 'clean: linearizable, no lost writes, converges',
    clean: true, runs: CLEAN_RUNS, seed: 1, claims: [],
  },
  {
    id: 'sl-async', preset: 'sl-async', expected: 'lost acknowledged writes after leader crash (durability)',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'durability', anomaly: 'lost-write' }],
    cause: { why: 'the leader acknowledged before any follower had the write', without: singleLeaderSetting({ acks: 'majority' }) },
  },
  {
    id: 'sl-no-fencing', preset: 'sl-no-fencing', expected: 'split brain: not linearizable',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'linearizable', anomaly: 'not-linearizable' }],
    cause: { why: 'a deposed leader keeps serving', without: singleLeaderSetting({ fencing: true }) },
  },
  {
    // The literature's second half of split brain, lost writes, does not happen here, and this row
    // says why: a deposed leader's append is accepted without fencing, but the reply carries the
    // new epoch and the old leader steps down on it before counting it as an ack, so with majority
    // acks it never commits a write the new leader's log will later cut off.
    id: 'sl-no-fencing/durability', preset: 'sl-no-fencing', expected: 'split brain: no lost writes (majority acks; see the note)',
    workload: { workload: 'set', checkers: ['durability', 'set', 'convergence'] },
    clean: true, runs: MATRIX_BUDGET.runs, seed: 1, claims: [],
  },
  {
    id: 'sl-follower-reads', preset: 'sl-follower-reads', expected: 'stale reads: not linearizable; read-your-writes broken',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'sessions', anomaly: 'session' }, { checker: 'linearizable', anomaly: 'not-linearizable' }],
    cause: { why: 'a follower answers from its own lagging copy', without: singleLeaderSetting({ reads: 'leader' }) },
  },
  {
    id: 'sl-lease-skew', preset: 'sl-lease-skew', expected: 'stale reads once clock skew exceeds the lease margin',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'stale-reads', anomaly: 'stale-read' }, { checker: 'linearizable', anomaly: 'not-linearizable' }],
    cause: { why: 'a skewed clock keeps an old leader\'s lease alive', without: withoutFaults('clock-') },
  },
  {
    id: 'sl-statement', preset: 'sl-statement', expected: 'replicas diverge (convergence)',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'convergence', anomaly: 'divergence' }],
    cause: { why: 'each follower evaluates NOW() and RAND() again', without: singleLeaderSetting({ replication: 'wal' }) },
  },
  {
    id: 'ml-lww', preset: 'ml-lww', expected: 'acknowledged writes silently overwritten by older ones under clock skew (durability)',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'durability', anomaly: 'lost-write' }, { checker: 'convergence', anomaly: 'valid' }],
    cause: { why: 'a skewed clock stamps an older write later', without: withoutFaults('clock-') },
  },
  {
    id: 'ml-vv', preset: 'ml-vv', expected: 'converges with siblings; no lost writes; not linearizable',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [
      { checker: 'linearizable', anomaly: 'not-linearizable' },
      { checker: 'durability', anomaly: 'valid' },
      { checker: 'convergence', anomaly: 'valid' },
    ],
  },
  {
    id: 'll-abd', preset: 'll-abd', expected: 'clean: linearizable register, converges',
    clean: true, runs: CLEAN_RUNS, seed: 1, claims: [],
  },
  {
    id: 'll-quorum', preset: 'll-quorum', expected: 'not linearizable under concurrency; converges after heal',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    // Without clock faults: skewed clocks break it too (LWW), but this row is about concurrency
    // alone. Slow links and nodes stretch a write in progress over the reads of ten clients.
    kinds: ['latency', 'slow'],
    workload: { clients: 10 },
    claims: [{ checker: 'linearizable', anomaly: 'not-linearizable' }, { checker: 'convergence', anomaly: 'valid' }],
    cause: { why: 'reads do not write back what they saw', without: leaderlessSetting({ abd: true }) },
  },
  {
    id: 'll-weak', preset: 'll-weak', expected: 'stale reads',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'stale-reads', anomaly: 'stale-read' }],
    cause: { why: 'a read quorum and a write quorum need not overlap (W + R <= N)', without: leaderlessSetting({ w: 2, r: 2 }) },
  },
  {
    id: 'll-sloppy', preset: 'll-sloppy', expected: 'stale reads under partition; converges after hints are delivered',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [
      { checker: 'stale-reads', anomaly: 'stale-read' },
      { checker: 'convergence', anomaly: 'valid' },
      { checker: 'anti-entropy', anomaly: 'valid' },
    ],
    cause: { why: 'fallback nodes count toward W', without: leaderlessSetting({ sloppyQuorum: false }) },
  },
  {
    id: 'll-no-repair', preset: 'll-no-repair', expected: 'replicas stay divergent after heal (convergence)',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'convergence', anomaly: 'divergence' }],
    cause: { why: 'nothing repairs a replica that missed a write', without: leaderlessSetting({ antiEntropy: { enabled: true, intervalMs: 200, treeDepth: 6 } }) },
  },
  {
    id: 'client-no-idempotency', preset: 'client-no-idempotency', expected: 'a retried increment applied twice (counter)',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'counter', anomaly: 'double-apply' }],
    cause: {
      why: 'a retry without an idempotency key is applied again',
      without: (scenario) => ({ ...scenario, client: { ...scenario.client!, idempotency: { enabled: true } } }),
    },
  },
  {
    id: 'fd-aggressive', preset: 'fd-aggressive', expected: 'false-failover: elections during pauses with no crash, and the availability lost to them',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'availability', anomaly: 'false-failover' }, { checker: 'linearizable', anomaly: 'valid' }],
    cause: {
      why: 'the leader is declared dead after 60 ms of silence',
      without: singleLeaderSetting({ failureDetector: { kind: 'heartbeat', suspectAfterMs: 150, declareAfterMs: 300 }, electionTimeoutMs: 300 }),
    },
  },
  ...byzantineRows(),
  ...byzantineModeRows(),
  ...standbyRows(),
  ...sparesRows(),
];

/**
 * The standby rows: a lone primary and its standby, the primary lost. Cold and
 * warm standbys lose what the primary acknowledged after the last snapshot or
 * batch; a hot one, replicated synchronously, loses nothing.
 */
function standbyRows(): MatrixRow[] {
  const HOT = singleLeaderSetting({ standby: defaultStandby('hot') });
  return [
    {
      id: 'sl-standby-cold', preset: 'sl-standby-cold', expected: 'lost acknowledged writes: those after the last snapshot the promoted standby restored (durability)',
      clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
      claims: [{ checker: 'durability', anomaly: 'lost-write' }],
      cause: { why: 'the standby restores a snapshot older than the last acknowledged write', without: HOT },
    },
    {
      id: 'sl-standby-warm', preset: 'sl-standby-warm', expected: 'lost acknowledged writes: those not yet shipped to the standby in a batch (durability)',
      clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
      claims: [{ checker: 'durability', anomaly: 'lost-write' }],
      cause: { why: 'the primary acknowledged before the batch carrying the write left', without: HOT },
    },
    {
      id: 'sl-standby-hot', preset: 'sl-standby-hot', expected: 'clean: no lost writes through the loss of the primary, converges',
      clean: true, runs: CLEAN_RUNS, seed: 1, claims: [],
    },
  ];
}

/**
 * The byzantine rows: each kind against the undefended store (found, with the
 * anomaly it shows), then against the defended one: clean where a defence
 * exists, still found where none can exist for a crash-tolerant design (a
 * leader that lies, with fewer than 3f+1 nodes).
 */
function byzantineRows(): MatrixRow[] {
  const found = (kind: FaultKind, claims: Claim[], why: string, defended: boolean): MatrixRow => ({
    id: `sl-byzantine/${kind}`, preset: 'sl-byzantine', kinds: [kind],
    expected: `${kind}: ${claims.map((claim) => `${claim.anomaly} (${claim.checker})`).join(', ')}`,
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1, claims,
    ...(defended ? { cause: { why, without: DEFENDED } } : {}),
  });
  const clean = (kind: FaultKind, defence: string, maxFaults?: number): MatrixRow => ({
    id: `sl-byzantine-defended/${kind}`, preset: 'sl-byzantine-defended', kinds: [kind],
    expected: `clean: ${defence}`,
    clean: true, runs: CLEAN_RUNS, seed: 1, claims: [], ...(maxFaults === undefined ? {} : { maxFaults }),
  });
  const undefendable = (kind: FaultKind, claims: Claim[], why: string): MatrixRow => ({
    id: `sl-byzantine-defended/${kind}`, preset: 'sl-byzantine-defended', kinds: [kind],
    expected: `still found (no crash-tolerant defence: ${why})`,
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1, claims,
  });
  return [
    found('corrupt-message', [{ checker: 'linearizable', anomaly: 'unexpected-value' }], 'entries and replies altered after they were summed are taken as they come', true),
    clean('corrupt-message', 'checksums drop altered entries (re-fetched) and replies (retried)'),
    found('corrupt-disk', [{ checker: 'durability', anomaly: 'unexpected-value' }], 'a rotten record is read back and applied at restart', true),
    clean('corrupt-disk', 'checksums at rest drop the rotten log suffix, which is re-fetched (rot on one node at a time)', 1),
    found('forge-epoch', [{ checker: 'durability', anomaly: 'lost-write' }], 'followers take the word of any node that says it leads a newer epoch', true),
    clean('forge-epoch', 'appends without a certificate of a majority\'s signed votes are ignored'),
    found('replay-old', [{ checker: 'linearizable', anomaly: 'not-linearizable' }], 'an old reply is taken as the answer to a new request', true),
    clean('replay-old', 'reply checksums bind a value to its request'),
    found('equivocate', [{ checker: 'durability', anomaly: 'unexpected-value' }], '', false),
    undefendable('equivocate', [{ checker: 'durability', anomaly: 'unexpected-value' }], 'the leader signs both versions'),
    found('lie-read', [{ checker: 'linearizable', anomaly: 'unexpected-value' }], '', false),
    undefendable('lie-read', [{ checker: 'linearizable', anomaly: 'unexpected-value' }], 'one node serves each read and sums its own lie'),
    {
      id: 'll-byzantine/lie-read', preset: 'll-byzantine', kinds: ['lie-read'], expected: 'lie-read: unexpected-value (linearizable)',
      clean: false, runs: MATRIX_BUDGET.runs, seed: 1, claims: [{ checker: 'linearizable', anomaly: 'unexpected-value' }],
      cause: { why: 'a read takes the newest version any one replica claims', without: leaderlessSetting({ readVerification: true }) },
    },
    {
      // One liar at a time: two lying replicas of three can vouch for each other (f = 1 here).
      id: 'll-byzantine-defended/lie-read', preset: 'll-byzantine-defended', kinds: ['lie-read'], expected: 'clean: read verification outvotes the lie or reports an error (one liar at a time)',
      clean: true, runs: CLEAN_RUNS, seed: 1, claims: [], maxFaults: 1,
    },
  ];
}

/**
 * The byzantine rows of the leaderless and multi-leader stores, kind by kind:
 * found without checksums (and gone with them, the counterfactual), clean
 * with them, or still found where no crash-tolerant defence exists. (The
 * kinds a mode cannot act out, equivocate and forge-epoch without a leader or
 * epochs, have no row: they are refused for that mode.)
 */
function byzantineModeRows(): MatrixRow[] {
  type Mode = 'll' | 'ml';
  const checksums = { ll: leaderlessSetting({ checksums: true }), ml: multiLeaderSetting({ checksums: true }) };
  const claimText = (claims: Claim[]): string => claims.map((claim) => `${claim.anomaly} (${claim.checker})`).join(', ');
  const found = (mode: Mode, kind: FaultKind, claims: Claim[], why: string | undefined, extra: Partial<MatrixRow> = {}): MatrixRow => ({
    id: `${mode}-byzantine/${kind}`, preset: `${mode}-byzantine`, kinds: [kind],
    expected: `${kind}: ${claimText(claims)}`,
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1, claims,
    ...(why === undefined ? {} : { cause: { why, without: checksums[mode] } }),
    ...extra,
  });
  const clean = (mode: Mode, kind: FaultKind, defence: string, maxFaults?: number): MatrixRow => ({
    id: `${mode}-byzantine-defended/${kind}`, preset: `${mode}-byzantine-defended`, kinds: [kind],
    expected: `clean: ${defence}`,
    clean: true, runs: CLEAN_RUNS, seed: 1, claims: [], ...(maxFaults === undefined ? {} : { maxFaults }),
  });
  const undefendable = (mode: Mode, kind: FaultKind, claims: Claim[], why: string, extra: Partial<MatrixRow> = {}): MatrixRow => ({
    id: `${mode}-byzantine-defended/${kind}`, preset: `${mode}-byzantine-defended`, kinds: [kind],
    expected: `still found (no crash-tolerant defence: ${why})`,
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1, claims, ...extra,
  });
  const linearizable = (anomaly: string): Claim[] => [{ checker: 'linearizable', anomaly }];
  const durability = (anomaly: string): Claim[] => [{ checker: 'durability', anomaly }];
  const convergence: Claim[] = [{ checker: 'convergence', anomaly: 'divergence' }];
  // Reads mid-run are judged by the linearizability checker only: a lie is gone by the final reads.
  const readsJudged = { workload: { checkers: ['linearizable'] } } as Partial<MatrixRow>;
  return [
    found('ll', 'corrupt-message', linearizable('unexpected-value'), 'replica replies, writes, repairs, hints and anti-entropy entries altered on the wire are taken as they come, and their pushed-up versions win'),
    clean('ll', 'corrupt-message', 'checksums drop altered messages (resent, or another replica answers)'),
    found('ll', 'corrupt-disk', linearizable('not-linearizable'), 'a rotten record is read back at restart, and its pushed-up version wins'),
    clean('ll', 'corrupt-disk', 'checksums at rest drop the rotten record; the key is re-fetched from N - W + 1 other replicas before it is answered for (rot on one node at a time)', 1),
    found('ll', 'replay-old', linearizable('not-linearizable'), 'a replica acknowledges an old write sent under a new write\'s op id'),
    clean('ll', 'replay-old', 'message checksums cover the op id'),
    found('ml', 'corrupt-message', durability('unexpected-value'), 'peers and followers apply shipped writes altered on the wire, whose pushed-up versions win'),
    clean('ml', 'corrupt-message', 'checksums drop altered writes (shipped again) and replies (retried)'),
    found('ml', 'corrupt-disk', durability('unexpected-value'), 'a rotten entry is read back at restart, and its pushed-up version wins'),
    undefendable('ml', 'corrupt-disk', convergence, 'an entry acknowledged before any other node had it (asynchronous replication) has no copy to take again: the node detects the rot, serves nothing and stays behind', { maxFaults: 1 }),
    found('ml', 'replay-old', convergence, 'an old write shipped in a new write\'s slot takes its place'),
    clean('ml', 'replay-old', 'write checksums cover the origin seq, reply checksums the request id'),
    found('ml', 'equivocate', durability('unexpected-value'), undefined),
    undefendable('ml', 'equivocate', durability('unexpected-value'), 'the leader sums both versions'),
    found('ml', 'lie-read', linearizable('unexpected-value'), undefined, readsJudged),
    undefendable('ml', 'lie-read', linearizable('unexpected-value'), 'one node serves each read and sums its own lie', readsJudged),
  ];
}

/**
 * The leaderless spares (N+1, N+2) under permanent member loss. One loss at a
 * time: a spare takes the lost member's ranges over and every acknowledged write
 * survives. Two losses closer together than a takeover and its transfer: the
 * keys the two members shared (N=2) have no copy left for any spare to pull, and
 * the spare that takes their ranges over answers them empty.
 */
function sparesRows(): MatrixRow[] {
  const lossKinds: FaultKind[] = ['region-loss'];
  const closeLosses = (spares: 1 | 2): MatrixRow => ({
    id: `ll-spares-${spares}/close-losses`, preset: `ll-spares-${spares}`, kinds: lossKinds, maxFaults: 2,
    expected: 'lost acknowledged writes: a second member destroyed before a spare holds the first one\'s ranges takes the keys the two shared (durability)',
    clean: false, runs: MATRIX_BUDGET.runs, seed: 1,
    claims: [{ checker: 'durability', anomaly: 'lost-write' }],
  });
  const oneLoss = (spares: 1 | 2): MatrixRow => ({
    id: `ll-spares-${spares}/one-loss`, preset: `ll-spares-${spares}`, kinds: lossKinds, maxFaults: 1,
    expected: 'clean: a spare takes the destroyed member\'s ranges over, pulls their data from the surviving copies, and serves them',
    clean: true, runs: CLEAN_RUNS, seed: 1, claims: [],
  });
  return [closeLosses(1), oneLoss(1), closeLosses(2), oneLoss(2)];
}
