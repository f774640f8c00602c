import type { PeriodKind } from "../periods";

/** One rollup row's place: the period, the group and the measure. */
export type RollupKey = {
  period: PeriodKind;
  periodStart: string;
  dimension: string;
  key: string;
  metric: string;
};

const SEP = "\u0000";

/** Sums by rollup key, filled cycle by cycle and written in one go. */
export class RollupSums {
  private readonly sums = new Map<string, number>();

  add(at: Omit<RollupKey, "metric">, metric: string, value = 1): void {
    if (value === 0) return;
    const id = [at.period, at.periodStart, at.dimension, at.key, metric].join(SEP);
    this.sums.set(id, (this.sums.get(id) ?? 0) + value);
  }

  *rows(): Generator<RollupKey & { value: number }> {
    for (const [id, value] of this.sums) {
      const [period, periodStart, dimension, key, metric] = id.split(SEP) as [
        PeriodKind,
        string,
        string,
        string,
        string,
      ];
      yield { period, periodStart, dimension, key, metric, value };
    }
  }
}
