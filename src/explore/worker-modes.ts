import type { ScenarioArbOptions } from '../gen/scenario-arb.js';
import type { ModeDefinition } from '../store/mode-definition.js';
import { loadModeDefinition } from './load-mode.js';

/**
 * Generator constraints as a worker thread can receive them: a message carries
 * data, not functions, so each store mode of the caller's own travels as the
 * URL of its module (its `module`), and by name where the constraints list it.
 * A mode without a module cannot reach a worker: a RangeError says so.
 *
 * @example
 * const { constraints, modeModules } = toWorkerConstraints({ modes: [await loadModeDefinition('./my-store.js')] });
 */
export function toWorkerConstraints(input: ScenarioArbOptions): { constraints: ScenarioArbOptions; modeModules: string[] } {
  const { modes, store, ...rest } = input;
  const modeModules = (modes ?? []).map((mode) => {
    if (mode.module === undefined) {
      throw new RangeError(`explore: the store mode '${mode.name}' has no module URL, so worker threads cannot load it (set its module, e.g. module: import.meta.url, or load it with loadModeDefinition)`);
    }
    return mode.module;
  });
  const names = store?.modes?.map((mode) => (typeof mode === 'string' ? mode : mode.name));
  const constraints: ScenarioArbOptions = { ...rest, ...(store === undefined ? {} : { store: { ...store, ...(names === undefined ? {} : { modes: names as never }) } }) };
  return { constraints, modeModules };
}

/**
 * The constraints a worker received, with the store modes of the caller's own
 * loaded from their modules (and named modes resolved to them) again.
 *
 * @example
 * const constraints = await fromWorkerConstraints(input.constraints, input.modeModules);
 */
export async function fromWorkerConstraints(received: ScenarioArbOptions, modeModules: readonly string[]): Promise<ScenarioArbOptions> {
  if (modeModules.length === 0) return received;
  const modes: ModeDefinition[] = await Promise.all(modeModules.map((url) => loadModeDefinition(url)));
  const byName = (name: unknown) => modes.find((mode) => mode.name === name) ?? name;
  const store = received.store?.modes === undefined ? received.store : { ...received.store, modes: received.store.modes.map(byName) as never };
  return { ...received, ...(store === undefined ? {} : { store }), modes };
}
