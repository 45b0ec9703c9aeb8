import { ConfigError, requireInteger, requireNumber, requireOneOf } from '../../config/config-error.js';
import { defaultMultiLeaderConfig, MULTI_LEADER_READS, resolveMultiLeaderConfig, type MultiLeaderConfig, type MultiLeaderConfigInput } from './config.js';
import { CONFLICT_POLICIES } from './resolve.js';
import { groupNodeIds } from './topology.js';

const GROUP_NAME = /^[A-Za-z0-9_-]+$/;
const GROUP_FIELDS = ['name', 'nodes'];
/** A bound on group sizes that keeps a mistyped count from building a huge store. */
const MAX_NODES_PER_GROUP = 99;

/**
 * Checks a multi-leader config (JSON data; fields left out take their defaults) and
 * returns it complete. Throws a {@link ConfigError} naming the bad field's path
 * (prefixed by `path`) for a wrong type, an unknown field, a group with no nodes,
 * or repeated names. A `mode` field equal to 'multi-leader' is accepted and
 * dropped, so a tagged store config can be passed whole.
 *
 * @example
 * validateMultiLeaderConfig({ conflictResolution: 'merge' }).groups.length; // 2
 * validateMultiLeaderConfig({ groups: [{ name: 'eu', nodes: [] }] });
 * // throws "multiLeader.groups[0].nodes: must hold at least one node (the leader)"
 */
export function validateMultiLeaderConfig(input: unknown, path = 'multiLeader'): MultiLeaderConfig {
  const raw = { ...requireObject(path, input) };
  if ('mode' in raw) {
    if (raw.mode !== 'multi-leader') throw new ConfigError(`${path}.mode`, "must be 'multi-leader'", raw.mode);
    delete raw.mode;
  }
  rejectUnknownFields(path, raw, Object.keys(defaultMultiLeaderConfig()));
  const config = resolveMultiLeaderConfig(raw as MultiLeaderConfigInput);
  validateGroups(`${path}.groups`, config.groups);
  requireNumber(`${path}.replicationIntervalMs`, config.replicationIntervalMs, 1);
  requireInteger(`${path}.replicationBatch`, config.replicationBatch, 1);
  if (typeof config.homeRouting !== 'boolean') {
    throw new ConfigError(`${path}.homeRouting`, 'must be true or false', config.homeRouting);
  }
  requireOneOf(`${path}.conflictResolution`, config.conflictResolution, CONFLICT_POLICIES);
  requireOneOf(`${path}.readFrom`, config.readFrom, MULTI_LEADER_READS);
  requireNumber(`${path}.forwardTimeoutMs`, config.forwardTimeoutMs, 1);
  if (typeof config.checksums !== 'boolean') {
    throw new ConfigError(`${path}.checksums`, 'must be true or false', config.checksums);
  }
  return config;
}

function validateGroups(field: string, groups: unknown): void {
  if (!Array.isArray(groups)) throw new ConfigError(field, 'must be a list of groups', groups);
  if (groups.length === 0) throw new ConfigError(field, 'must hold at least one group');
  const names = new Set<string>();
  const nodeIds = new Set<string>();
  groups.forEach((group: unknown, i) => {
    const at = `${field}[${i}]`;
    const { name, nodes, ...rest } = requireObject(at, group);
    rejectUnknownFields(at, rest, GROUP_FIELDS);
    if (typeof name !== 'string' || !GROUP_NAME.test(name)) {
      throw new ConfigError(`${at}.name`, 'must be a non-empty name of letters, digits, _ or -', name);
    }
    if (names.has(name)) throw new ConfigError(`${at}.name`, 'names another group already', name);
    names.add(name);
    validateNodes(`${at}.nodes`, nodes);
    for (const id of groupNodeIds({ name, nodes: nodes as number | string[] })) {
      if (nodeIds.has(id)) throw new ConfigError(`${at}.nodes`, `repeats node id ${JSON.stringify(id)}`);
      nodeIds.add(id);
    }
  });
}

function validateNodes(field: string, nodes: unknown): void {
  if (typeof nodes === 'number') {
    requireInteger(field, nodes, 1, MAX_NODES_PER_GROUP);
    return;
  }
  if (!Array.isArray(nodes)) throw new ConfigError(field, 'must be a node count or a list of node ids', nodes);
  if (nodes.length === 0) throw new ConfigError(field, 'must hold at least one node (the leader)');
  if (nodes.length > MAX_NODES_PER_GROUP) throw new ConfigError(field, `must hold at most ${MAX_NODES_PER_GROUP} nodes`);
  nodes.forEach((id: unknown, i) => {
    if (typeof id !== 'string' || id.length === 0) {
      throw new ConfigError(`${field}[${i}]`, 'must be a non-empty node id', id);
    }
  });
}

function requireObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(field, 'must be an object', value);
  }
  return value as Record<string, unknown>;
}

function rejectUnknownFields(path: string, raw: Record<string, unknown>, known: readonly string[]): void {
  for (const field of Object.keys(raw)) {
    if (!known.includes(field)) throw new ConfigError(`${path}.${field}`, `is not a known field (known: ${known.join(', ')})`);
  }
}
