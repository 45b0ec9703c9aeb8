import { describe, expect, test } from 'vitest';
import { measureDrStrategies } from '../../src/dr/measure-many.js';
import { runRecovery } from '../../src/dr/run-recovery.js';
import { RECOVERY_TIMING } from '../../src/dr/setup.js';
import { drStrategy } from '../../src/dr/strategies.js';

const RUNS = 12;
const [backup, pilot, warm, active] = measureDrStrategies(RUNS, 1);

describe('disaster-recovery strategies under the loss of the serving region', () => {
  test('RTO falls from backup-restore to active-active', () => {
    for (const s of [backup, pilot, warm, active]) expect(s!.unrecovered, s!.name).toBe(0);
    expect(backup!.rtoMs.p50!).toBeGreaterThan(pilot!.rtoMs.p50!);
    expect(pilot!.rtoMs.p50!).toBeGreaterThan(warm!.rtoMs.p50!);
    expect(warm!.rtoMs.p50!).toBeGreaterThan(active!.rtoMs.p50!);
    // Active-active needs no failure detector: the other region keeps taking writes.
    expect(active!.rtoMs.p99!).toBeLessThan(RECOVERY_TIMING.detectMs);
  });

  test('RPO falls too: a snapshot interval, a shipping batch, then nothing', () => {
    expect(backup!.rpoWrites.p50!).toBeGreaterThan(pilot!.rpoWrites.p50!);
    expect(pilot!.rpoWrites.p99!).toBeGreaterThan(0);
    expect(warm!.rpoWrites.p50).toBe(0);
    expect(active!.rpoWrites.p50).toBe(0);
  });

  test('the standing cost rises: node-seconds grow with the nodes kept in the second region', () => {
    expect(backup!.cost.nodeSeconds).toBeLessThan(pilot!.cost.nodeSeconds);
    expect(pilot!.cost.nodeSeconds).toBeLessThan(warm!.cost.nodeSeconds);
    expect(warm!.cost.nodeSeconds).toBeLessThanOrEqual(active!.cost.nodeSeconds);
    expect(warm!.cost.bytesShipped).toBeLessThan(active!.cost.bytesShipped);
  });

  test('region-loss destroys the serving region for good: nothing there serves again', () => {
    const measure = runRecovery(drStrategy('backup-restore', RECOVERY_TIMING), 3, RECOVERY_TIMING);
    expect(measure.rtoMs!).toBeGreaterThan(RECOVERY_TIMING.detectMs + RECOVERY_TIMING.bootMs);
  });
});
