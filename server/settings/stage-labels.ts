import type { TenantSettings } from "./schema";

/**
 * What people call each stage of the workspace's cadence ("Streak lost" for `streak_lost`), and
 * the recurring reminder ("Every 90 days"). Keys stay in tags, events and files; pages show these.
 */
export function stageLabels(settings: TenantSettings): Record<string, string> {
  const labels: Record<string, string> = Object.fromEntries(
    settings.cadence.stages.map((s) => [s.key, s.label]),
  );
  if (settings.cadence.recurringEveryDays)
    labels.recurring = `Every ${settings.cadence.recurringEveryDays} days`;
  return labels;
}
