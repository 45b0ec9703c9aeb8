import type { NodeContext } from '../../sim/node.js';
import type { TraceEventMap } from '../../sim/trace.js';

/**
 * A node context whose `send` passes every message through `seal` on its way
 * out (adding checksums), everything else left to the node's own context: the
 * node's parts send through it as they would through the plain one.
 *
 * @example
 * const sealed = sealingContext(ctx, (msg) => ({ ...msg, sum: checksum(msg) }));
 * sealed.send('n2', msg); // leaves with a checksum
 */
export function sealingContext<M, T extends TraceEventMap>(ctx: NodeContext<M, T>, seal: (msg: M) => M): NodeContext<M, T> {
  return {
    get id() { return ctx.id; },
    get peers() { return ctx.peers; },
    get disk() { return ctx.disk; },
    now: () => ctx.now(),
    send: (to, msg) => ctx.send(to, seal(msg)),
    setTimer: (afterMs, name) => ctx.setTimer(afterMs, name),
    cancelTimer: (name) => ctx.cancelTimer(name),
    random: () => ctx.random(),
    trace: (event, ...detail) => ctx.trace(event, ...detail),
  };
}
