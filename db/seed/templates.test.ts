import { describe, expect, it } from "vitest";
import { checkPlaceholders } from "@/server/content/placeholders";
import { presetFor } from "@/db/presets";
import { demoVariants } from "./templates";

describe("demo variants", () => {
  it.each(["self_study", "home_services"] as const)(
    "%s: three per stage × channel, each valid as a marketer would have to save it",
    (kind) => {
      const settings = presetFor(kind);
      const stages = settings.cadence.stages.map((s) => s.key);
      if (settings.cadence.recurringEveryDays) stages.push("recurring");
      const variants = demoVariants(kind, stages, settings.channels);
      expect(variants).toHaveLength((stages.length * settings.channels.length - 1) * 3);
      for (const v of variants)
        expect(checkPlaceholders(v.content, v.stage), `${v.stage}/${v.channel}/${v.name}`).toEqual(
          [],
        );
    },
  );
});
