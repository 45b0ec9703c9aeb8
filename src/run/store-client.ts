import { ConfigError } from '../config/config-error.js';

/**
 * A store config split from the client policy it may still carry: configs and
 * scenarios saved before the policy moved to the scenario (`Scenario.client`,
 * `Simulation.clients.policy`) hold it as `store.client`, and are read as they
 * always were by moving it across.
 *
 * @example
 * splitStoreClient({ mode: 'leaderless', client: { retry: { maxRetries: 0 } } });
 * // { store: { mode: 'leaderless' }, client: { retry: { maxRetries: 0 } } }
 */
export function splitStoreClient<S>(store: S): { store: S; client?: unknown } {
  if (typeof store !== 'object' || store === null || !Object.hasOwn(store, 'client')) return { store };
  const { client, ...rest } = store as S & { client: unknown };
  return { store: rest as S, client };
}

/**
 * A scenario with a client policy saved inside its store moved to its own
 * `client` field (right after `store`, as a scenario is written now); one
 * without is returned as it is. Both at once is ambiguous: a ConfigError.
 *
 * @example
 * moveStoreClient(JSON.parse(readFileSync('histories/regressions/sl-async-seed1/scenario.json', 'utf8'))).client;
 */
export function moveStoreClient<T extends { store: unknown; client?: unknown }>(scenario: T): T {
  const { store, client } = splitStoreClient(scenario.store);
  if (client === undefined) return scenario;
  if (scenario.client !== undefined) throw new ConfigError('store.client', 'and client are both set: give the client policy once, as client');
  const moved: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(scenario)) {
    if (field === 'client') continue;
    moved[field] = field === 'store' ? store : value;
    if (field === 'store') moved.client = client;
  }
  return moved as T;
}
