import type { VariantRow } from "./dashboard-schema";
import { groupRow, type Sums } from "./group-row";
import { probabilityBest, wilson } from "./stats";

/** Below this many reached cycles a variant's rate says little: the table asks for more. */
export const MIN_REACHED_PER_VARIANT = 30;

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The variants table: each (stage, channel, variant) with its rate, Wilson interval and its
 * probability to be the best of its stage × channel (Beta-Binomial), and a verdict in words.
 */
export function variantRows(
  byKey: Map<string, Sums>,
  stageLabels: Map<string, string>,
): VariantRow[] {
  const rows = [...byKey].map(([key, sums]) => {
    const [stage = "", channel = "", variant = "", ctaKind = ""] = key.split("|");
    const row = groupRow(key, `${stageLabels.get(stage) ?? stage} · ${variant}`, sums);
    return { ...row, stage, channel, variant, ctaKind };
  });
  const out: VariantRow[] = [];
  for (const arms of groupByCell(rows)) {
    const ready = arms.every((a) => a.reached >= MIN_REACHED_PER_VARIANT);
    const p = probabilityBest(arms.map((a) => ({ k: a.reactivations, n: a.reached })));
    arms.forEach((arm, i) => {
      const best = arms.length > 1 ? p[i]! : null;
      out.push({
        ...arm,
        interval: wilson(arm.reactivations, arm.reached),
        probabilityBest: best,
        verdict: verdictOf(arm.reached, arms.length, best, ready),
      });
    });
  }
  return out;
}

function groupByCell<T extends { stage: string; channel: string; variant: string }>(rows: T[]) {
  const cells = new Map<string, T[]>();
  for (const r of rows) {
    const cell = `${r.stage}|${r.channel}`;
    cells.set(cell, [...(cells.get(cell) ?? []), r]);
  }
  return [...cells.values()].map((arms) => arms.sort((a, b) => a.variant.localeCompare(b.variant)));
}

function verdictOf(reached: number, arms: number, best: number | null, ready: boolean): string {
  if (reached < MIN_REACHED_PER_VARIANT)
    return `Too early: ${MIN_REACHED_PER_VARIANT - reached} more reached cycles needed.`;
  if (arms === 1 || best === null) return "The only variant sent here.";
  if (!ready) return "Waiting for the other variants to have enough data.";
  if (best >= 0.95) return `Best (${percent(best)} likely).`;
  if (best >= 0.8) return `Probably best (${percent(best)} likely).`;
  if (best <= 0.05) return `Probably worse than another variant (${percent(best)} likely best).`;
  return `No clear difference yet (${percent(best)} likely best).`;
}
