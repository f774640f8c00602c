import { addDays, format, parseISO, subMonths } from "date-fns";
import { dashboardInputSchema, type DashboardInput } from "@/server/metrics/dashboard-schema";

/*
 * The dashboard's filters as the URL carries them. Without dates the page shows the last 12 weeks
 * ending today (the viewer's calendar day): such a link stays "the last 12 weeks" when reopened.
 */

const keys = ["from", "to", "period", "stage", "channel"] as const;

export const presets = [
  { key: "4w", label: "4 weeks" },
  { key: "12w", label: "12 weeks" },
  { key: "6m", label: "6 months" },
  { key: "12m", label: "12 months" },
] as const;
export type Preset = (typeof presets)[number]["key"];

/** "2026-03-31" for the viewer's calendar day at `now`. */
export function localDay(now: Date): string {
  return format(now, "yyyy-MM-dd");
}

/** The range of a preset that ends on `today`, both days included. */
export function presetRange(preset: Preset, today: string): { from: string; to: string } {
  const end = parseISO(today);
  const start =
    preset === "4w"
      ? addDays(end, -27)
      : preset === "12w"
        ? addDays(end, -83)
        : addDays(subMonths(end, preset === "6m" ? 6 : 12), 1);
  return { from: format(start, "yyyy-MM-dd"), to: today };
}

/** The preset the range is, if it is one ending on `today`. */
export function presetOf(range: { from: string; to: string }, today: string): Preset | undefined {
  return presets.find((p) => {
    const r = presetRange(p.key, today);
    return r.from === range.from && r.to === range.to;
  })?.key;
}

export function defaultInput(today: string): DashboardInput {
  return { ...presetRange("12w", today), period: "week" };
}

const fieldNames: Record<string, string> = {
  from: "Start",
  to: "End",
  period: "Period",
  stage: "Stage",
  channel: "Channel",
};

export type ReadFilters = {
  input: DashboardInput;
  /** What was wrong with the URL's filters; the defaults are shown instead. */
  problems: string[];
};

/** The URL's filters, checked by the server's own schema; the defaults when they are invalid. */
export function readFilters(params: URLSearchParams, today: string): ReadFilters {
  const fallback = defaultInput(today);
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  if (!raw.from !== !raw.to) {
    return { input: fallback, problems: ["The link has only one of the two dates."] };
  }
  const parsed = dashboardInputSchema.safeParse({ ...fallback, ...raw });
  if (parsed.success) return { input: parsed.data, problems: [] };
  const problems = parsed.error.issues.map(
    (i) => `${fieldNames[String(i.path[0])] ?? "Filters"}: ${i.message}`,
  );
  return { input: fallback, problems };
}

/** The search string for `input`: dates only when they differ from the default range. */
export function toSearch(input: DashboardInput, today: string): string {
  const query = new URLSearchParams();
  const fallback = defaultInput(today);
  if (input.from !== fallback.from || input.to !== fallback.to) {
    query.set("from", input.from);
    query.set("to", input.to);
  }
  if (input.period !== "week") query.set("period", input.period);
  if (input.stage) query.set("stage", input.stage);
  if (input.channel) query.set("channel", input.channel);
  return query.toString();
}
