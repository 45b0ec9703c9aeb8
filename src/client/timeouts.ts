import { requireNumber } from '../config/config-error.js';
import { join } from '../config/config-checks.js';

/**
 * How long a client waits for a node's answer.
 *
 * The simulator has no connection handshake: a request travels together with
 * its connection. So the connect timeout bounds the first exchange with a node the
 * client holds no live connection to (it never heard from it, or its last request
 * there timed out). When it expires the client deems the node unreachable and
 * moves to the next entry point instead of waiting out the longer request
 * timeout. Because the request did leave, the outcome is still unknown, exactly as
 * after a request timeout.
 */
export interface TimeoutConfig {
  /** How long to wait for the reply on a live connection, in virtual ms. Default 1000. */
  requestTimeoutMs: number;
  /** How long to wait for any reply from a node with no live connection, in virtual ms. Default 250. */
  connectTimeoutMs: number;
}

/**
 * The documented defaults of {@link TimeoutConfig}.
 *
 * @example
 * defaultTimeoutConfig().connectTimeoutMs; // 250
 */
export function defaultTimeoutConfig(): TimeoutConfig {
  return {
  requestTimeoutMs: 1000,
  connectTimeoutMs: 250,
};
}

/**
 * Throws a ConfigError naming the bad field.
 *
 * @example
 * validateTimeoutConfig({ requestTimeoutMs: 0, connectTimeoutMs: 10 }, 'client.timeouts');
 * // throws "client.timeouts.requestTimeoutMs: 0 must be a number >= 1"
 */
export function validateTimeoutConfig(config: TimeoutConfig, path: string): void {
  requireNumber(join(path, 'requestTimeoutMs'), config.requestTimeoutMs, 1);
  requireNumber(join(path, 'connectTimeoutMs'), config.connectTimeoutMs, 1);
}

/**
 * Which timeout governs the next attempt against a node.
 *
 * @example
 * attemptTimeout(defaultTimeoutConfig(), false); // { kind: 'connect-timeout', afterMs: 250 }
 */
export function attemptTimeout(config: TimeoutConfig, connected: boolean): { kind: TimeoutKind; afterMs: number } {
  return connected
    ? { kind: 'timeout', afterMs: config.requestTimeoutMs }
    : { kind: 'connect-timeout', afterMs: config.connectTimeoutMs };
}

/**
 * The error recorded for an attempt that got no reply in time.
 */
export type TimeoutKind = 'timeout' | 'connect-timeout';

/**
 * Which nodes a client holds a live connection to: one it has heard from since its
 * last timeout there.
 *
 * @example
 * const c = new Connections();
 * c.isLive('n1');   // false
 * c.heardFrom('n1');
 * c.isLive('n1');   // true
 * c.timedOut('n1');
 * c.isLive('n1');   // false
 */
export class Connections {
  private readonly live = new Set<string>();

  isLive(nodeId: string): boolean {
    return this.live.has(nodeId);
  }

  heardFrom(nodeId: string): void {
    this.live.add(nodeId);
  }

  timedOut(nodeId: string): void {
    this.live.delete(nodeId);
  }
}
