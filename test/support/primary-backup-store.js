// A primary-backup register, as a user would write it: n1 is the primary, n2 its backup.
// The primary sends new writes to the backup with each heartbeat; the backup takes over
// when heartbeats stop. The bug, on purpose: a write is acknowledged before the backup has it.
import { requireInteger } from 'faultline';

const NODES = ['n1', 'n2'];

function node(ctx, settings) {
  const data = new Map();
  let unsent = [];
  // A node that ran before (its disk says so) comes back from a crash as a backup.
  const ranBefore = ctx.disk.read().length > 0;
  let role = ctx.id === 'n1' && !ranBefore ? 'primary' : 'backup';
  let primary = role === 'primary' ? ctx.id : NODES.find((id) => id !== ctx.id);

  function serve(client, { requestId, f, key, value }) {
    const reply = (fields) => ctx.send(client, { kind: 'client-reply', requestId, ...fields });
    if (role !== 'primary') return reply({ outcome: 'redirect', leader: primary });
    const before = data.get(String(key)) ?? null;
    if (f === 'read') return reply({ outcome: 'ok', value: before });
    if (f !== 'write' && f !== 'sadd') return reply({ outcome: 'fail', error: 'unknown-verb' });
    const after = f === 'write' ? value : [...new Set([...(before ?? []), value])].sort((a, b) => a - b);
    data.set(String(key), after);
    unsent.push([String(key), after]);
    reply({ outcome: 'ok', value }); // BUG: acknowledged before the backup has it
  }

  return {
    data,
    get role() { return role; },
    start() {
      if (!ranBefore) { ctx.disk.append({ started: true }); ctx.disk.fsync(); }
      ctx.setTimer(role === 'primary' ? settings.syncIntervalMs : settings.failoverAfterMs, role === 'primary' ? 'sync' : 'failover');
    },
    onMessage(from, msg) {
      if (msg.kind === 'client-request') return serve(from, msg);
      if (msg.kind !== 'sync' || role !== 'backup') return;
      for (const [key, value] of msg.writes) data.set(key, value);
      primary = from;
      ctx.setTimer(settings.failoverAfterMs, 'failover');
    },
    onTimer(name) {
      if (name === 'failover' && role === 'backup') { role = 'primary'; primary = ctx.id; }
      if (role !== 'primary') return;
      for (const peer of ctx.peers) ctx.send(peer, { kind: 'sync', writes: unsent });
      unsent = [];
      ctx.setTimer(settings.syncIntervalMs, 'sync');
    },
  };
}

/** @type {import('faultline').ModeDefinition} */
export default {
  name: 'primary-backup',
  field: 'primaryBackup',
  defaults: () => ({ syncIntervalMs: 30, failoverAfterMs: 150 }),
  validate(value, path) {
    const settings = { syncIntervalMs: 30, failoverAfterMs: 150, ...value };
    requireInteger(`${path}.syncIntervalMs`, settings.syncIntervalMs, 1, 10_000);
    requireInteger(`${path}.failoverAfterMs`, settings.failoverAfterMs, settings.syncIntervalMs + 1, 60_000);
    return settings;
  },
  create: (settings) => ({
    nodeIds: NODES,
    entryPoints: NODES,
    factory: (ctx) => node(ctx, settings),
    replicaState: (n) => Object.fromEntries([...n.data].sort().map(([key, value]) => [key, { values: [value] }])),
    currentLeaders: (live) => NODES.filter((id) => live(id)?.role === 'primary'),
  }),
};
