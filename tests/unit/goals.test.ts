// The goal tree (domain/goals.ts) and the scoreboard arithmetic (domain/scoreboard.ts).
import { describe, expect, it } from 'vitest';
import { cycleThrough, flattenTree, goalTree, parentProblems, periodProblems, rollUp, subtreeIds } from '../../domain/goals.js';
import { gateCounts, realisedValueOf, tallyOf, valueShare } from '../../domain/scoreboard.js';

// KP-1 ─┬─ KP-1.1 ── KP-1.1.1
//       └─ KP-1.2
// KP-2
const goals = [
  { id: 'a', code: 'KP-1', parentId: null },
  { id: 'b', code: 'KP-1.1', parentId: 'a' },
  { id: 'c', code: 'KP-1.1.1', parentId: 'b' },
  { id: 'd', code: 'KP-1.2', parentId: 'a' },
  { id: 'e', code: 'KP-2', parentId: null },
];
const asMap = new Map(goals.map((g) => [g.id, g]));

describe('the goal tree', () => {
  it('finds the loop a new parent would close, and none where there is none', () => {
    const parentOf = new Map(goals.map((g) => [g.id, g.parentId]));
    expect(cycleThrough('a', 'c', parentOf)).toEqual(['a', 'c', 'b', 'a']);
    expect(cycleThrough('b', 'd', parentOf)).toBeNull();
    expect(cycleThrough('e', 'c', parentOf)).toBeNull();
  });

  it('refuses a parent below the goal, the goal itself and an unknown goal, naming the loop by codes', () => {
    expect(parentProblems('a', 'c', asMap)).toEqual({ parentId: 'would make a loop: KP-1 → KP-1.1.1 → KP-1.1 → KP-1' });
    expect(parentProblems('b', 'b', asMap)).toEqual({ parentId: 'a goal cannot be its own parent' });
    expect(parentProblems('b', 'nope', asMap)).toEqual({ parentId: 'no such goal' });
    expect(parentProblems('d', 'b', asMap)).toEqual({});
    expect(parentProblems(null, 'c', asMap)).toEqual({});
    expect(parentProblems('a', null, asMap)).toEqual({});
  });

  it('wants a period that runs forwards', () => {
    expect(periodProblems({ periodFrom: 2024, periodTo: 2035 })).toEqual({});
    expect(periodProblems({ periodFrom: 2024, periodTo: 2024 })).toEqual({});
    expect(periodProblems({ periodFrom: 2035, periodTo: 2024 })).toHaveProperty('periodTo');
    expect(periodProblems({ periodFrom: 2035, periodTo: null })).toEqual({});
  });

  it('nests goals under their parents and lists each goal once', () => {
    const tree = goalTree(goals);
    expect(tree.map((g) => g.code)).toEqual(['KP-1', 'KP-2']);
    expect(tree[0].children.map((g) => g.code)).toEqual(['KP-1.1', 'KP-1.2']);
    expect(flattenTree(tree).map((g) => g.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...subtreeIds(goals, 'b')].sort()).toEqual(['b', 'c']);
  });

  it('still lists every goal once when old data holds a loop or an unknown parent', () => {
    const broken = [
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
      { id: 'z', parentId: 'gone' },
    ];
    const flat = flattenTree(goalTree(broken)).map((g) => g.id);
    expect(flat.sort()).toEqual(['x', 'y', 'z']);
  });

  it('rolls initiatives up through the tree, counting an initiative once however many sub-goals it serves', () => {
    const linked: Record<string, string[]> = { a: ['i1'], b: ['i2', 'i3'], c: ['i3', 'i4'], d: ['i2'], e: [] };
    const served = rollUp(goalTree(goals), (id) => linked[id]);
    expect([...served.get('c')!].sort()).toEqual(['i3', 'i4']);
    expect([...served.get('b')!].sort()).toEqual(['i2', 'i3', 'i4']);
    expect([...served.get('a')!].sort()).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(served.get('e')!.size).toBe(0);
  });
});

describe('scoreboard arithmetic', () => {
  const now = Date.parse('2026-06-01');
  it('counts bands, realised and overdue, and sums planned and realised NOK of valued benefits', () => {
    const tally = tallyOf(
      [
        { band: 'on-track', realised: true, valuePerYear: 400_000, achievement: 1, realisedValuePerYear: 400_000 },
        { band: 'off-track', nextMeasurementDue: new Date('2026-05-01'), valuePerYear: 100_000, achievement: 0.25 },
        { band: 'watch', valuePerYear: null },
        { band: null },
      ],
      now,
    );
    expect(tally).toEqual({
      benefits: 4,
      realised: 1,
      onTrack: 1,
      watch: 1,
      offTrack: 1,
      notMeasured: 1,
      overdue: 1,
      valued: 2,
      plannedValuePerYear: 500_000,
      realisedValuePerYear: 425_000,
    });
    expect(valueShare(tally)).toBeCloseTo(0.85);
    expect(valueShare(tallyOf([], now))).toBeNull();
  });

  it('takes the realised value from the read model and computes it only where the read model has none', () => {
    expect(realisedValueOf({ valuePerYear: 100_000, achievement: 0.5, realisedValuePerYear: 30_000 })).toBe(30_000);
    expect(realisedValueOf({ valuePerYear: 100_000, achievement: 0.5 })).toBe(50_000);
    expect(realisedValueOf({ valuePerYear: 100_000, achievement: 1.4 })).toBe(100_000);
    expect(realisedValueOf({ valuePerYear: null, achievement: 0.5 })).toBeNull();
  });

  it('counts active initiatives by gate and finished ones apart', () => {
    expect(
      gateCounts([
        { gate: 'goal-alignment', status: 'active' },
        { gate: 'benefit-realisation', status: 'active' },
        { gate: 'benefit-realisation', status: 'completed' },
        { gate: 'owner-signoff', status: 'rejected' },
      ]),
    ).toEqual({ byGate: { 'goal-alignment': 1, 'owner-signoff': 0, implementation: 0, 'benefit-realisation': 1 }, completed: 1 });
  });
});
