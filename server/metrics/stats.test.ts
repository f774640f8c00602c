import { describe, expect, it } from "vitest";
import { newcombe, probabilityBest, wilson } from "./stats";

describe("wilson", () => {
  it("matches the published interval for 81/263 (Newcombe 1998, Table I: 0.2553–0.3662)", () => {
    const [low, high] = wilson(81, 263)!;
    expect(low).toBeCloseTo(0.2553, 4);
    expect(high).toBeCloseTo(0.3662, 4);
  });
  it("stays inside [0, 1] at the extremes and is null without trials", () => {
    expect(wilson(0, 10)![0]).toBeCloseTo(0, 12);
    expect(wilson(10, 10)![1]).toBeCloseTo(1, 12);
    expect(wilson(0, 0)).toBeNull();
  });
});

describe("newcombe (method 10)", () => {
  it("matches Newcombe's worked example 56/70 − 48/80: 0.2000, 95% CI 0.0524 to 0.3339", () => {
    const d = newcombe(56, 70, 48, 80)!;
    expect(d.value).toBeCloseTo(0.2, 4);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
  });
  it("is null when either group is empty", () => {
    expect(newcombe(1, 10, 0, 0)).toBeNull();
  });
});

describe("probabilityBest (Beta-Binomial)", () => {
  it("sums to 1, favours the clearly better arm, and repeats exactly", () => {
    const arms = [
      { k: 10, n: 100 },
      { k: 30, n: 100 },
    ];
    const p = probabilityBest(arms);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 10);
    expect(p[1]).toBeGreaterThan(0.99);
    expect(probabilityBest(arms)).toEqual(p);
  });
  it("gives 1/3 and 2/3 for no data against one success in one trial (U(0,1) vs Beta(2,1): P = ∫2x·x dx = 2/3)", () => {
    const [a, b] = probabilityBest([
      { k: 0, n: 0 },
      { k: 1, n: 1 },
    ]);
    expect(a).toBeCloseTo(1 / 3, 3);
    expect(b).toBeCloseTo(2 / 3, 3);
  });
  it("splits evenly between identical arms", () => {
    const p = probabilityBest([
      { k: 5, n: 50 },
      { k: 5, n: 50 },
    ]);
    expect(p[0]).toBeGreaterThan(0.47);
    expect(p[0]).toBeLessThan(0.53);
  });
});
