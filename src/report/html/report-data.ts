/**
 * The data an HTML report embeds, as plain JSON: what the page's script draws.
 * Ops are stored column by column (one array per field) so a 100,000-op history
 * stays a few megabytes and parses quickly in the browser.
 */
export interface ReportData {
  /** The page's title: the run's folder or the history file. */
  title: string;
  /** valid, invalid or unknown, as the verdict says it, with its anomaly and one-sentence reason. */
  verdict: { valid: true | false | 'unknown'; anomaly?: string; reason: string };
  /** Each checker's own verdict, in the order they ran. */
  checks: Array<{ name: string; valid: true | false | 'unknown' | 'skipped'; anomaly?: string; reason: string }>;
  /** The scenario in words (one line each), when the report is of a simulated run. */
  scenario?: string[];
  /** The command that replays the run or re-checks the file. */
  replay?: string;
  /** Client process names, one timeline row each, in row order. */
  processes: string[];
  ops: OpColumns;
  faults: FaultBand[];
  /** The linearizability failure's evidence, by position in `ops`. */
  linearizability?: LinearizabilityMarks;
  /** The availability checker's phases and each fault's recovery time, when it ran. */
  availability?: AvailabilityView;
  /** The messages of the trace, for a run whose trace kept them. */
  messages?: MessageView;
  /** Each node's final state, by key, for a simulated run. */
  replicas?: ReplicaView;
  /** Virtual time range of the whole history, in ms. */
  span: { fromMs: number; toMs: number };
}

/**
 * One client operation per position, each field its own array. `endMs` is null for
 * an op that never completed or whose outcome is unknown (`info`): its bar runs off
 * to the right. `outcome`: 0 ok, 1 fail, 2 info (or never completed).
 */
export interface OpColumns {
  row: number[];
  startMs: number[];
  endMs: Array<number | null>;
  outcome: Array<0 | 1 | 2>;
  /** `f key value -> result`, in the model's words. */
  label: string[];
  /** The invoke's index in the history, and the completion's (null when none). */
  index: number[];
  completeIndex: Array<number | null>;
  /** Node that answered, as a position in `nodes` (-1: none recorded). */
  node: number[];
  nodes: string[];
  /** Error text, by op position, for the ops that have one. */
  errors: Record<number, string>;
}

/** A fault in force from `startMs` to `endMs` (null: never healed), shaded across every row. */
export interface FaultBand {
  kind: string;
  targets: string;
  startMs: number;
  endMs: number | null;
}

/**
 * Where the linearizability search stopped: the longest linearizable prefix in its
 * order (positions in `ops`), the state after each of its ops, and the op that
 * could not be placed.
 */
export interface LinearizabilityMarks {
  key?: string | number;
  order: number[];
  statesAfter: string[];
  initialState: string;
  /** Position in `ops` of the op no linearization could place, or null. */
  blocked: number | null;
  /** Other ops that could have gone next, none of which fit. */
  candidates: number[];
}

/** The availability checker's evidence: latency by phase, and each fault's RTO. */
export interface AvailabilityView {
  phases: Array<{ phase: string; ops: number; ok: number; fail: number; info: number; p50Ms: number | null; p99Ms: number | null }>;
  faults: Array<{ fault: string; startMs: number; endMs: number | null; rtoMs: number | null; ops: number; ok: number }>;
}

/**
 * The trace's messages: one lifeline per node and client, each message from its
 * send to its delivery, or to its drop (crossed). `events` are the faults, crashes
 * and elections marked on the lifelines.
 */
export interface MessageView {
  lifelines: string[];
  /** from, to (positions in lifelines), sent and received-or-dropped time, kind. */
  from: number[];
  to: number[];
  sentMs: number[];
  endMs: Array<number | null>;
  dropped: boolean[];
  label: string[];
  events: Array<{ atMs: number; lifeline: number | null; text: string }>;
  /** Messages in the trace, and how many of them are drawn (the ones nearest the failure). */
  total: number;
  shown: number;
}

/** Final replica states: one row per key, one column per node; divergent keys flagged. */
export interface ReplicaView {
  nodes: string[];
  keys: Array<{ key: string; values: Array<string | null>; divergent: boolean }>;
}
