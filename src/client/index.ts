/**
 * Jepsen-style client processes and the policies that shape how they talk to the
 * store: timeouts, retries with backoff and jitter, idempotency keys, circuit
 * breakers, bulkheads and leader discovery.
 *
 * @example
 * const runtime = createClientRuntime(defaultClientPolicy(), () => world.now());
 * world.addNode('c0', clientProcessFactory({ clientIndex: 0, clientCount: 1, entryPoints: store.entryPoints,
 *   runtime, ops: queueSource([{ f: 'write', key: 'x', value: 1 }]) }), { kind: 'client' });
 */
export { clientProcessFactory, ClientProcess, type ClientProcessOptions, type ClientIdentity } from './process.js';
export { createClientRuntime, emptyClientStats, type ClientRuntime, type ClientStats } from './runtime.js';
export { HistoryRecorder, type OpRecord } from './history-recorder.js';
export { queueSource, generatorSource, type OpSource, type PlannedOp } from './op-source.js';
export { defaultClientPolicy, validateClientPolicy, type ClientPolicyConfig } from './policy.js';
export { defaultTimeoutConfig, attemptTimeout, Connections, type TimeoutConfig, type TimeoutKind } from './timeouts.js';
export {
  defaultRetryConfig,
  RETRY_UNKNOWN_RULES,
  backoffDelayMs,
  mayRetry,
  type RetryConfig,
  type RetryUnknownRule,
  type FailureClass,
} from './retry.js';
export { defaultIdempotencyConfig, idempotencyKeyFor, type IdempotencyConfig } from './idempotency.js';
export {
  defaultCircuitBreakerConfig,
  CircuitBreaker,
  CircuitBreakers,
  type CircuitBreakerConfig,
  type BreakerState,
  type BreakerPermit,
} from './circuit-breaker.js';
export { defaultBulkheadConfig, Bulkhead, Bulkheads, type BulkheadConfig, type BulkheadAdmission } from './bulkhead.js';
export { defaultDiscoveryConfig, DiscoveryService, LeaderCache, type DiscoveryConfig } from './leader-discovery.js';
