import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/** The 97.5th percentile of the standard normal: two-sided 95% intervals. */
const Z95 = 1.959963984540054;

/** Wilson's score interval for k successes in n trials (95%); null when n is 0. */
export function wilson(k: number, n: number, z = Z95): [number, number] | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * The difference of two proportions k1/n1 − k2/n2 with Newcombe's hybrid score interval (his
 * method 10, 1998): each proportion's Wilson interval, combined. SPEC §1.8's lift.
 */
export function newcombe(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
): { value: number; low: number; high: number } | null {
  const a = wilson(k1, n1);
  const b = wilson(k2, n2);
  if (!a || !b) return null;
  const [p1, p2] = [k1 / n1, k2 / n2];
  const value = p1 - p2;
  return {
    value,
    low: value - Math.sqrt((p1 - a[0]) ** 2 + (b[1] - p2) ** 2),
    high: value + Math.sqrt((a[1] - p1) ** 2 + (p2 - b[0]) ** 2),
  };
}

/** A standard gamma variate (Marsaglia and Tsang), shape ≥ 1, from uniform draws. */
function gamma(shape: number, uniform: () => number, normal: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = uniform();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v)))
      return d * v;
  }
}

/**
 * Each arm's probability of having the highest rate, under a Beta(1 + k, 1 + n − k) posterior
 * (a uniform prior), by `draws` Monte Carlo draws from a fixed seed: the same counts always give
 * the same answer, so a table does not flicker between reloads.
 */
export function probabilityBest(arms: { k: number; n: number }[], draws = 4_000): number[] {
  if (arms.length === 0) return [];
  if (arms.length === 1) return [1];
  const rng = xoroshiro128plus(20_261_203);
  // In (0, 1): the logarithms below never see 0.
  const uniform = () => uniformInt(rng, 1, 2 ** 30) / (2 ** 30 + 1);
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const beta = (a: number, b: number) => {
    const x = gamma(a, uniform, normal);
    return x / (x + gamma(b, uniform, normal));
  };
  const wins = arms.map(() => 0);
  for (let i = 0; i < draws; i++) {
    let best = 0;
    let bestValue = -1;
    arms.forEach((arm, j) => {
      const value = beta(1 + arm.k, 1 + arm.n - arm.k);
      if (value > bestValue) [best, bestValue] = [j, value];
    });
    wins[best]! += 1;
  }
  return wins.map((w) => w / draws);
}
