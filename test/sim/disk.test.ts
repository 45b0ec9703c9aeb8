import { describe, expect, test } from 'vitest';
import { DiskFullError, SimDisk } from '../../src/sim/index.js';

describe('SimDisk', () => {
  test('appends are readable at once but durable only after fsync', () => {
    const disk = new SimDisk('n1');
    disk.append('a');
    disk.append('b');
    expect(disk.read()).toEqual(['a', 'b']);
    expect(disk.unsynced).toBe(2);
    disk.fsync();
    expect(disk.unsynced).toBe(0);
    disk.append('c');
    expect(disk.readDurable()).toEqual(['a', 'b']);
  });

  test('a power-loss crash loses unsynced appends; a process crash keeps them', () => {
    const powerLoss = new SimDisk('n1');
    powerLoss.append(1);
    powerLoss.fsync();
    powerLoss.append(2);
    expect(powerLoss.crash(true)).toBe(1);
    expect(powerLoss.read()).toEqual([1]);

    const processCrash = new SimDisk('n2');
    processCrash.append(1);
    expect(processCrash.crash(false)).toBe(0);
    expect(processCrash.read()).toEqual([1]);
    expect(processCrash.unsynced).toBe(0);
  });

  test('records are copied in and out', () => {
    const disk = new SimDisk('n1');
    const record = { entries: [1] };
    disk.append(record);
    record.entries.push(2);
    const read = disk.read() as { entries: number[] }[];
    expect(read).toEqual([{ entries: [1] }]);
    read[0]!.entries.push(3);
    expect(disk.read()).toEqual([{ entries: [1] }]);
  });

  test('rewrite replaces the log durably, dropping unsynced appends', () => {
    const disk = new SimDisk('n1');
    disk.append(1);
    disk.fsync();
    disk.append(2);
    disk.rewrite([9, 8]);
    expect(disk.unsynced).toBe(0);
    disk.crash(true);
    expect(disk.read()).toEqual([9, 8]);
  });

  test('a filled disk throws DiskFullError on append until freed', () => {
    const disk = new SimDisk('n1');
    disk.append(1);
    disk.fill();
    expect(() => disk.append(2)).toThrow(DiskFullError);
    expect(() => disk.append(2)).toThrow(/disk full on n1/);
    // Truncating frees space, so a shrinking rewrite still works; growing does not.
    expect(() => disk.rewrite([1, 2])).toThrow(DiskFullError);
    disk.rewrite([]);
    disk.free();
    disk.append(3);
    expect(disk.read()).toEqual([3]);
  });

  test('a capacity in records makes the disk full when reached', () => {
    const disk = new SimDisk('n1', 2);
    disk.append(1);
    disk.append(2);
    expect(disk.isFull).toBe(true);
    expect(() => disk.append(3)).toThrow(DiskFullError);
    expect(() => disk.rewrite([1, 2, 3])).toThrow(DiskFullError);
    disk.rewrite([1]);
    disk.append(4);
    expect(disk.read()).toEqual([1, 4]);
  });
});
