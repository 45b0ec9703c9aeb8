import { ConfigError } from '../config/config-error.js';
import { FAULT_TARGETING, type Fault, type FaultKind } from '../nemesis/fault.js';
import { runSeed, seededRandom } from '../run/seeds.js';
import type { StoreConfig } from '../store/config.js';
import { storeTopology, type StoreTopology } from '../store/topology.js';
import type { BlastRadius, Experiment } from './experiment.js';

/**
 * The fault an experiment injects, in the fault catalogue's terms, and where it
 * lands in words.
 *
 * @example
 * experimentFault(experiment).fault; // { kind: 'crash-one', atMs: 2000, durationMs: 3000, targets: ['n3'] }
 */
export interface PlannedFault {
  fault: Fault;
  /** The blast radius as resolved: e.g. "nodes n3", "region dc2 (dc2-n1, dc2-n2)", "links of n2 (4 of 10 links, 40%)". */
  radius: string;
  /** For a link share: the share of store-to-store links the chosen nodes touch. */
  linkShare?: number;
}

/** Where each targeting of the catalogue may be aimed, and what to say when it is aimed elsewhere. */
const ALLOWED: Record<(typeof FAULT_TARGETING)[FaultKind], { fields: readonly (keyof BlastRadius)[]; because: string }> = {
  none: { fields: [], because: 'acts on the clients\' discovery service, on no node' },
  leader: { fields: [], because: 'acts on the leader of the moment it starts; to aim at a node, use crash-one or partition-one' },
  all: { fields: [], because: 'takes its own share of the whole cluster; to aim at nodes, use a kind that targets nodes (crash-one, partition-one, pause...)' },
  one: { fields: ['nodes'], because: 'acts on one node: give blastRadius.nodes with one node' },
  some: { fields: ['nodes', 'region', 'linkShare'], because: '' },
  group: { fields: ['nodes', 'region'], because: 'cuts off one group of nodes: give blastRadius.region or blastRadius.nodes' },
};

/**
 * Throws a ConfigError naming the blast radius field that cannot apply to the
 * fault kind or the store: a field the kind's targeting does not take, a node
 * the store lacks, a region of a store without datacenters.
 *
 * @example
 * checkBlastRadius('crash-leader', { nodes: ['n1'] }, store);
 * // throws "blastRadius.nodes: 'crash-leader' acts on the leader of the moment it starts; ..."
 */
export function checkBlastRadius(kind: FaultKind, radius: BlastRadius, store: StoreConfig): void {
  const targeting = FAULT_TARGETING[kind];
  const allowed = ALLOWED[targeting];
  for (const field of Object.keys(radius) as (keyof BlastRadius)[]) {
    if (!allowed.fields.includes(field)) {
      const because = allowed.because === '' ? `does not take ${field}` : allowed.because;
      throw new ConfigError(`blastRadius.${field}`, `does not apply: '${kind}' ${because}`);
    }
  }
  if ((targeting === 'one' || targeting === 'group') && Object.keys(radius).length === 0) {
    throw new ConfigError('blastRadius', `is missing: '${kind}' ${allowed.because}`);
  }
  if (targeting === 'one' && radius.nodes!.length !== 1) {
    throw new ConfigError('blastRadius.nodes', `names ${radius.nodes!.length} nodes: '${kind}' ${allowed.because}`);
  }
  const topology = storeTopology(store);
  radius.nodes?.forEach((node, i) => {
    if (!topology.nodeIds.includes(node)) {
      throw new ConfigError(`blastRadius.nodes[${i}]`, `is not a node of the store (its nodes: ${topology.nodeIds.join(', ')})`, node);
    }
  });
  if (radius.region !== undefined) regionNodes(radius.region, topology);
  if (radius.linkShare !== undefined && topology.nodeIds.length < 2) {
    throw new ConfigError('blastRadius.linkShare', 'does not apply: the store has one node, so no links between store nodes');
  }
}

/**
 * The fault of the experiment as the nemesis runs it: its kind and parameters,
 * started when the baseline ends and lasting the injection, aimed at the blast
 * radius. A link share is met with the links of nodes the seed picks, one at a
 * time, until they touch at least that share of the links between store nodes
 * (the fault catalogue aims packet faults at nodes, each acting on every link
 * touching them).
 *
 * @example
 * experimentFault(experiment).radius; // 'nodes n3'
 */
export function experimentFault(experiment: Experiment): PlannedFault {
  const { fault, blastRadius: radius, phases } = experiment;
  const base: Fault = {
    kind: fault.kind, atMs: phases.baselineMs, durationMs: phases.injectionMs,
    ...(fault.params === undefined ? {} : { params: { ...fault.params } }),
  };
  const topology = storeTopology(experiment.store);
  if (radius.nodes !== undefined) return { fault: { ...base, targets: [...radius.nodes] }, radius: `nodes ${radius.nodes.join(', ')}` };
  if (radius.region !== undefined) {
    const nodes = regionNodes(radius.region, topology);
    return { fault: { ...base, targets: nodes }, radius: `region ${radius.region} (${nodes.join(', ')})` };
  }
  if (radius.linkShare !== undefined) {
    const { nodes, links, total } = nodesForLinkShare(radius.linkShare, topology.nodeIds, experiment.seed);
    return {
      fault: { ...base, targets: nodes }, linkShare: links / total,
      radius: `links of ${nodes.join(', ')} (${links} of ${total} links between store nodes, ${Math.round((100 * links) / total)}%)`,
    };
  }
  return { fault: base, radius: defaultRadius(fault.kind) };
}

function defaultRadius(kind: FaultKind): string {
  switch (FAULT_TARGETING[kind]) {
    case 'leader': return 'the leader when the injection starts';
    case 'some': return 'every link';
    case 'none': return 'the discovery service';
    default: return `the share of the cluster '${kind}' takes`;
  }
}

/** The nodes of datacenter `dcN`: the store's N-th group. */
function regionNodes(region: string, topology: StoreTopology): string[] {
  const names = topology.groups.map((_, i) => `dc${i + 1}`);
  if (names.length < 2) throw new ConfigError('blastRadius.region', 'does not apply: the store has no datacenter groups (a multi-leader store has them)', region);
  const index = names.indexOf(region);
  if (index < 0) throw new ConfigError('blastRadius.region', `is not a datacenter of the store (its datacenters: ${names.join(', ')})`, region);
  return [...topology.groups[index]!];
}

/** Mixes the experiment's seed into a stream of its own, apart from the workload's. */
const LINK_PICK_STREAM = 0x6c69_6e6b;

/**
 * Store nodes picked by the seed, one at a time, until the undirected links
 * between store nodes that touch one of them reach `share` of all such links.
 */
function nodesForLinkShare(share: number, nodeIds: readonly string[], seed: number): { nodes: string[]; links: number; total: number } {
  const random = seededRandom(runSeed(seed, LINK_PICK_STREAM));
  const remaining = [...nodeIds];
  const n = nodeIds.length;
  const total = (n * (n - 1)) / 2;
  const nodes: string[] = [];
  let links = 0;
  while (remaining.length > 0 && links / total < share) {
    nodes.push(remaining.splice(Math.floor(random() * remaining.length), 1)[0]!);
    // k chosen nodes touch every link except those between the n - k others.
    const others = n - nodes.length;
    links = total - (others * (others - 1)) / 2;
  }
  return { nodes, links, total };
}
