/**
 * The custom trace events client processes emit, with the data each carries.
 * Client processes take a {@link ClientNodeContext}, so an event not listed
 * here, or a detail of the wrong shape, fails to compile where it is emitted.
 */
import type { NodeContext } from '../sim/node.js';
import type { BreakerState } from './circuit-breaker.js';

/**
 * Each client event's detail, by event name: `process-retired` (an op's outcome
 * stayed unknown, so the logical client goes on as a new process number, as
 * Jepsen's do) and `circuit-breaker` (a node's breaker changed state).
 */
export type ClientTraceData = {
  'process-retired': { from: number; to: number };
  'circuit-breaker': { node: string; state: BreakerState };
};

/**
 * The context a client process runs with: the simulator's, limited to tracing
 * the client's own events.
 *
 * @example
 * class Sender { constructor(private readonly ctx: ClientNodeContext<ClientMessage>) {} }
 */
export type ClientNodeContext<M> = NodeContext<M, ClientTraceData>;
