import { describe, expect, it } from "vitest";
import { describeScenarioErrors, scenarioSchema } from "./scenario";

const scenario = (key: string) => ({
  preset: "home_services",
  settings: { stages: [{ key, threshold: 6, unit: "month" }] },
  start: "2026-09-01T00:00:00Z",
  end: "2026-10-05T00:00:00Z",
  contacts: [],
});

describe("a scenario's stage keys: the settings' rule", () => {
  it("accepts a key that starts with a digit", () => {
    expect(scenarioSchema.safeParse(scenario("6_months")).success).toBe(true);
  });

  it.each([
    ["6", "settings.stages.0.key: must not be digits only: add a unit, such as 6_months"],
    ["recurring", "settings.stages.0.key: is reserved for the recurring reminder"],
    [
      "Six",
      "settings.stages.0.key: must be lower_snake_case: lowercase letters, digits and underscores, such as six_months or 6_months",
    ],
  ])("names what is wrong with %j", (key, message) => {
    const parsed = scenarioSchema.safeParse(scenario(key));
    expect(describeScenarioErrors(parsed.error!)).toBe(message);
  });
});
