import { defaultRetryConfig } from '../client/retry.js';
import { presetClient, presetStore } from './build.js';
import type { Preset } from './preset.js';

/**
 * Presets about the clients rather than the store.
 *
 * @example
 * CLIENT_PRESETS[0]!.client.idempotency.enabled; // false
 */
export const CLIENT_PRESETS: Preset[] = [
  {
    name: 'client-no-idempotency',
    summary: 'the safe single-leader store, used by clients that retry timed-out ops without idempotency keys',
    promises: 'each op the store receives is applied linearizably',
    expectedToBreak: 'double apply: an increment whose reply was lost is retried and applied twice, so the counter exceeds every possible total',
    safe: false,
    expectedAnomaly: 'double-apply',
    store: presetStore('single-leader'),
    client: presetClient({
      idempotency: { enabled: false },
      retry: { ...defaultRetryConfig(), retryUnknown: 'always', maxRetries: 3 },
    }),
    // The counter's bounds first: they name the double apply, which linearizability only hints at.
    workload: { workload: 'counter', checkers: ['counter', 'linearizable', 'convergence'] },
    faultKinds: ['loss', 'latency', 'partition-leader', 'pause'],
  },
];
