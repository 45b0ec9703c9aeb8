import { describe, expect, it } from 'vitest';
import { HeartbeatDetector } from '../../../src/store/shared/heartbeat-detector.js';

describe('HeartbeatDetector', () => {
  const constraints = { suspectAfterMs: 150, declareAfterMs: 300 };

  it('trusts, then suspects, then declares as silence grows', () => {
    const fd = new HeartbeatDetector(constraints, 0);
    fd.heartbeat(100);
    expect(fd.status(249)).toBe('trusted');
    expect(fd.status(250)).toBe('suspected');
    expect(fd.status(399)).toBe('suspected');
    expect(fd.status(400)).toBe('declared');
  });

  it('counts its start as a heartbeat, giving a grace period', () => {
    const fd = new HeartbeatDetector(constraints, 1000);
    expect(fd.status(1100)).toBe('trusted');
    expect(fd.status(1300)).toBe('declared');
  });

  it('is trusted again after a new heartbeat, and ignores late-arriving old ones', () => {
    const fd = new HeartbeatDetector(constraints, 0);
    expect(fd.status(500)).toBe('declared');
    fd.heartbeat(500);
    fd.heartbeat(450);
    expect(fd.silenceMs(520)).toBe(20);
    expect(fd.status(520)).toBe('trusted');
  });

  it('rejects a suspect threshold above the declare threshold', () => {
    expect(() => new HeartbeatDetector({ suspectAfterMs: 400, declareAfterMs: 300 }, 0)).toThrow(RangeError);
  });
});
