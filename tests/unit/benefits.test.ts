import { describe, expect, it } from 'vitest';
import { achievementOf, benefitStatus, expectedAchievement, outcomeOf, type BenefitPlan } from '../../domain/benefits.js';

const start = new Date('2026-01-01T00:00:00Z');
const end = new Date('2027-01-01T00:00:00Z');
const half = new Date((start.getTime() + end.getTime()) / 2);
const increase: BenefitPlan = { baseline: 10, target: 110, direction: 'increase', followUpStartedAt: start, baselineDate: start, followUpUntil: end };
const decrease: BenefitPlan = { baseline: 30, target: 10, direction: 'decrease', followUpStartedAt: start, baselineDate: start, followUpUntil: end };

describe('benefit arithmetic', () => {
  it('measures achievement from baseline to target in both directions', () => {
    expect(achievementOf(increase, 60)).toBeCloseTo(0.5);
    expect(achievementOf(decrease, 20)).toBeCloseTo(0.5);
    expect(achievementOf(decrease, 35)).toBeCloseTo(-0.25);
  });

  it('expects achievement along the straight line from go-live to followUpUntil', () => {
    expect(expectedAchievement(increase, start)).toBe(0);
    expect(expectedAchievement(increase, half)).toBeCloseTo(0.5);
    expect(expectedAchievement(increase, new Date('2030-01-01'))).toBe(1);
  });

  it('is on track at or ahead of the line, watch within the tolerance, off track beyond it', () => {
    expect(benefitStatus(increase, { value: 61, measuredAt: half }, 0.1).band).toBe('on-track');
    expect(benefitStatus(increase, { value: 55, measuredAt: half }, 0.1).band).toBe('watch');
    const behind = benefitStatus(increase, { value: 30, measuredAt: half }, 0.1);
    expect(behind.band).toBe('off-track');
    expect(behind.onTrack).toBe(false);
  });

  it('uses the configured tolerance', () => {
    expect(benefitStatus(increase, { value: 30, measuredAt: half }, 0.4).band).toBe('watch');
  });

  it('is realised when the latest value meets the target in its direction', () => {
    expect(benefitStatus(decrease, { value: 9, measuredAt: half }, 0.1).realised).toBe(true);
    expect(benefitStatus(decrease, { value: 11, measuredAt: end }, 0.1).realised).toBe(false);
  });

  it('has no band before the first measurement', () => {
    expect(benefitStatus(increase, null, 0.1)).toMatchObject({ band: null, achievement: null, realised: false });
  });

  it('evaluates the gate as realised, partly or not realised', () => {
    expect(outcomeOf([true, true])).toBe('realised');
    expect(outcomeOf([true, false])).toBe('partly');
    expect(outcomeOf([false, false])).toBe('not-realised');
  });
});
