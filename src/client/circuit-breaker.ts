import { ConfigError, requireInteger, requireNumber } from '../config/config-error.js';
import { join, requireBoolean } from '../config/config-checks.js';

/**
 * A circuit breaker per target node. Closed, it lets calls through and remembers
 * the last `windowSize` results; when `failureThreshold` of them are failures
 * (timeouts and `error` replies: the node did not do its job) it opens. Open, it
 * rejects calls at once, without sending, for `openMs`. Then it is half-open: it
 * lets `halfOpenProbes` calls through; the first probe to succeed closes it, the
 * first to fail opens it again.
 */
export interface CircuitBreakerConfig {
  /** Whether calls go through breakers at all. Default false. */
  enabled: boolean;
  /** Failures within the window that open the breaker. Default 5. */
  failureThreshold: number;
  /** How many of the latest calls the window holds. Default 10. */
  windowSize: number;
  /** How long an open breaker rejects calls before probing, in virtual ms. Default 1000. */
  openMs: number;
  /** Calls let through at once while half-open. Default 1. */
  halfOpenProbes: number;
}

/**
 * The documented defaults of {@link CircuitBreakerConfig}.
 *
 * @example
 * defaultCircuitBreakerConfig().enabled; // false
 */
export function defaultCircuitBreakerConfig(): CircuitBreakerConfig {
  return {
  enabled: false,
  failureThreshold: 5,
  windowSize: 10,
  openMs: 1000,
  halfOpenProbes: 1,
};
}

/**
 * Throws a ConfigError naming the bad field.
 *
 * @example
 * validateCircuitBreakerConfig({ ...defaultCircuitBreakerConfig(), failureThreshold: 11 }, 'client.circuitBreaker');
 * // throws "client.circuitBreaker.failureThreshold: 11 exceeds windowSize = 10"
 */
export function validateCircuitBreakerConfig(config: CircuitBreakerConfig, path: string): void {
  requireBoolean(join(path, 'enabled'), config.enabled);
  requireInteger(join(path, 'windowSize'), config.windowSize, 1, 10_000);
  requireInteger(join(path, 'failureThreshold'), config.failureThreshold, 1);
  if (config.failureThreshold > config.windowSize) {
    throw new ConfigError(join(path, 'failureThreshold'), `exceeds windowSize = ${config.windowSize}`, config.failureThreshold);
  }
  requireNumber(join(path, 'openMs'), config.openMs, 0);
  requireInteger(join(path, 'halfOpenProbes'), config.halfOpenProbes, 1);
}

/**
 * Where a breaker stands.
 *
 * @example
 * breaker.state(nowMs) === 'open'; // calls are refused
 */
export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * Leave to make one call, handed back with its result. It remembers the breaker's
 * generation so that a late result from before a state change cannot be mistaken
 * for a probe's.
 *
 * @example
 * const permit = breaker.tryAcquire(nowMs);
 * if (permit !== undefined) breaker.onResult(permit, true, nowMs);
 */
export interface BreakerPermit {
  readonly generation: number;
  readonly probe: boolean;
}

/**
 * One node's breaker. Time is passed in by the caller (virtual ms).
 *
 * @example
 * const b = new CircuitBreaker({ ...defaultCircuitBreakerConfig(), enabled: true, failureThreshold: 1, windowSize: 1 });
 * b.onResult(b.tryAcquire(0)!, false, 0); // opens
 * b.tryAcquire(10);                      // undefined: rejected
 * const probe = b.tryAcquire(1000)!;     // half-open probe
 * b.onResult(probe, true, 1005);         // closes
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private generation = 0;
  /** Results of the latest calls while closed, oldest first; true = failure. */
  private window: boolean[] = [];
  private openedAtMs = 0;
  private probesInFlight = 0;

  constructor(private readonly config: CircuitBreakerConfig) {}

  /** The state as of `nowMs` (an open breaker whose wait is over reads half-open). */
  state(nowMs: number): BreakerState {
    this.advance(nowMs);
    return this.current;
  }

  /** A permit for one call, or undefined when the call must be rejected. */
  tryAcquire(nowMs: number): BreakerPermit | undefined {
    this.advance(nowMs);
    if (this.current === 'closed') return { generation: this.generation, probe: false };
    if (this.current === 'half-open' && this.probesInFlight < this.config.halfOpenProbes) {
      this.probesInFlight++;
      return { generation: this.generation, probe: true };
    }
    return undefined;
  }

  /** Hands back a permit whose call was never made (refused further on). */
  release(permit: BreakerPermit): void {
    if (permit.probe && permit.generation === this.generation) this.probesInFlight--;
  }

  /** Records how a permitted call ended; returns the state change it caused, if any. */
  onResult(permit: BreakerPermit, success: boolean, nowMs: number): BreakerState | undefined {
    if (permit.generation !== this.generation) return undefined;
    if (permit.probe) {
      this.probesInFlight--;
      return success ? this.transition('closed', nowMs) : this.transition('open', nowMs);
    }
    this.window.push(!success);
    if (this.window.length > this.config.windowSize) this.window.shift();
    const failures = this.window.filter((failed) => failed).length;
    return failures >= this.config.failureThreshold ? this.transition('open', nowMs) : undefined;
  }

  private advance(nowMs: number): void {
    if (this.current === 'open' && nowMs >= this.openedAtMs + this.config.openMs) {
      this.transition('half-open', nowMs);
    }
  }

  private transition(to: BreakerState, nowMs: number): BreakerState {
    this.current = to;
    this.generation++;
    this.window = [];
    this.probesInFlight = 0;
    if (to === 'open') this.openedAtMs = nowMs;
    return to;
  }
}

/**
 * The breakers of every target node, made on first use and shared by all client
 * processes of a run (as one application shares its breakers).
 *
 * @example
 * const breakers = new CircuitBreakers(defaultCircuitBreakerConfig());
 * breakers.forNode('n1').tryAcquire(0);
 */
export class CircuitBreakers {
  private readonly byNode = new Map<string, CircuitBreaker>();

  constructor(readonly config: CircuitBreakerConfig) {}

  forNode(nodeId: string): CircuitBreaker {
    let breaker = this.byNode.get(nodeId);
    if (breaker === undefined) {
      breaker = new CircuitBreaker(this.config);
      this.byNode.set(nodeId, breaker);
    }
    return breaker;
  }
}
