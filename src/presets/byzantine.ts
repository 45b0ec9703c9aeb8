import { presetClient, presetStore } from './build.js';
import type { Preset } from './preset.js';

/**
 * The byzantine presets: the safe single-leader store without and with the
 * defences that turn wrong data into detected faults.
 *
 * @example
 * BYZANTINE_PRESETS.map((preset) => preset.name); // ['sl-byzantine', 'sl-byzantine-defended']
 */
export const BYZANTINE_PRESETS: Preset[] = [
  {
    name: 'sl-byzantine',
    summary: 'sl-majority under byzantine faults, without checksums or authenticated epochs',
    promises: 'nothing once a node sends, stores or answers wrong data: it is crash-tolerant only',
    expectedToBreak: 'values no client wrote are read (corrupted messages, rotten disks, forged epochs, lies), or acknowledged writes lost',
    safe: false,
    expectedAnomaly: 'unexpected-value',
    store: presetStore('single-leader', {}),
    client: presetClient(),
    workload: { workload: 'cas-register' },
    faultKinds: ['corrupt-message', 'corrupt-disk', 'equivocate', 'forge-epoch', 'replay-old', 'lie-read'],
  },
  {
    name: 'sl-byzantine-defended',
    summary: 'sl-majority with checksums (entries, records at rest, client replies) and authenticated epochs (signed votes, certificates)',
    promises: 'linearizable under corrupted messages, replayed messages and forged epochs; rot on one node at a time is re-fetched (see the README for rot and for the lies it cannot defend against)',
    expectedToBreak: 'nothing under its fault kinds; an equivocating or lying leader is still detected, not prevented (fewer than 3f+1 nodes)',
    safe: true,
    store: presetStore('single-leader', { checksums: true, authenticatedEpochs: true }),
    client: presetClient(),
    workload: { workload: 'cas-register' },
    faultKinds: ['corrupt-message', 'forge-epoch', 'replay-old'],
  },
];
