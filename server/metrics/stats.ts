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

/** Grid points over which the posteriors are integrated. */
const GRID = 1_000;

/**
 * Each arm's probability of having the highest rate, under a Beta(1 + k, 1 + n − k) posterior
 * (a uniform prior): P(i best) = ∫ f_i(x) Π_{j≠i} F_j(x) dx, integrated numerically on a grid over
 * where the posteriors have their mass. Deterministic, and well under a millisecond for a
 * stage × channel's variants (sampling took ~100 ms a dashboard query).
 */
export function probabilityBest(arms: { k: number; n: number }[]): number[] {
  if (arms.length <= 1) return arms.map(() => 1);
  const betas = arms.map(({ k, n }) => ({ a: 1 + k, b: 1 + n - k }));
  const spread = betas.map(({ a, b }) => {
    const mean = a / (a + b);
    const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
    return [mean - 12 * sd, mean + 12 * sd] as const;
  });
  const lo = Math.max(0, Math.min(...spread.map((s) => s[0])));
  const hi = Math.min(1, Math.max(...spread.map((s) => s[1])));
  const step = (hi - lo) / GRID;
  const xs = Array.from({ length: GRID }, (_, g) => lo + (g + 0.5) * step);
  // Densities up to a constant, normalised on the grid (the Beta function never needed).
  const densities = betas.map(({ a, b }) => {
    const logs = xs.map((x) => (a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x));
    const top = Math.max(...logs);
    const raw = logs.map((l) => Math.exp(l - top));
    const total = raw.reduce((sum, v) => sum + v, 0);
    return raw.map((v) => v / total);
  });
  // F_j at each grid point: the mass below it, half of its own cell.
  const cdfs = densities.map((d) => {
    let below = 0;
    return d.map((mass) => {
      const at = below + mass / 2;
      below += mass;
      return at;
    });
  });
  const p = arms.map(() => 0);
  for (let g = 0; g < GRID; g++) {
    for (let i = 0; i < arms.length; i++) {
      let others = densities[i]![g]!;
      for (let j = 0; j < arms.length && others > 0; j++) if (j !== i) others *= cdfs[j]![g]!;
      p[i]! += others;
    }
  }
  const total = p.reduce((sum, v) => sum + v, 0);
  return p.map((v) => v / total);
}
