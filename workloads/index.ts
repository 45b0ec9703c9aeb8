import { casRegisterWorkload } from './cas-register.js';
import { counterWorkload } from './counter.js';
import { kvWorkload } from './kv.js';
import { nondeterministicWorkload } from './nondeterministic.js';
import { registerWorkload } from './register.js';
import { setWorkload } from './set.js';
import type { Workload } from './workload.js';

export type { Workload, WorkloadSpec } from './workload.js';
export { workloadSpanMs } from './workload.js';
export { casRegisterWorkload, counterWorkload, kvWorkload, nondeterministicWorkload, registerWorkload, setWorkload };

/**
 * Every workload by the name used on the command line and in scenario files.
 *
 * @example
 * const workload = WORKLOADS['cas-register']!;
 * const ops = workload.generate({ workload: 'cas-register', ops: 100, clients: 3, keys: 1 }, random);
 */
export const WORKLOADS: Readonly<Record<string, Workload>> = Object.freeze(
  // No prototype: a user's `--workload toString` must find nothing.
  Object.assign(Object.create(null) as Record<string, Workload>, {
    register: registerWorkload,
    'cas-register': casRegisterWorkload,
    kv: kvWorkload,
    set: setWorkload,
    counter: counterWorkload,
    nondeterministic: nondeterministicWorkload,
  }),
);

/**
 * The names in {@link WORKLOADS}, in a fixed order (for help texts and errors).
 *
 * @example
 * workloadNames(); // ['register', 'cas-register', 'kv', 'set', 'counter', 'nondeterministic']
 */
export function workloadNames(): string[] {
  return Object.keys(WORKLOADS);
}
