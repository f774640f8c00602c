import { describe, expect, it } from "vitest";
import { funnelSteps, funnelTable, stepLabel } from "./funnel";
import { healthTable } from "./health-table";
import { holdoutTable } from "./holdout-table";

describe("funnel, health and holdout tables", () => {
  it("gives each step its share of planned, and clicked and reactivated their share of sent", () => {
    const steps = funnelSteps({ planned: 200, sent: 150, clicked: 30, reactivated: 45 });
    expect(steps.map((s) => [s.label, s.cycles, s.ofPlanned, s.ofSent])).toEqual([
      ["Planned", 200, null, null],
      ["Sent", 150, 0.75, null],
      ["Clicked", 30, 0.15, 0.2],
      ["Reactivated", 45, 0.225, 0.3],
    ]);
    expect(steps.map(stepLabel)).toEqual([
      "200",
      "150 · 75.0% of planned",
      "30 · 20.0% of sent",
      "45 · 30.0% of sent",
    ]);
    expect(funnelTable(steps).rows[3]!.cells).toEqual(["Reactivated", "45", "22.5%", "30.0%"]);
    const empty = funnelSteps({ planned: 0, sent: 0, clicked: 0, reactivated: 0 });
    expect(funnelTable(empty).rows[2]!.cells).toEqual(["Clicked", "0", "—", "—"]);
  });

  it("lists delivery health with failures and skips by their reason", () => {
    const table = healthTable({
      failuresByClass: [{ key: "rate_limited", count: 3 }],
      retries: 4,
      deferredQuietHours: 12,
      capped: 2,
      superseded: 1,
      skippedByReason: [{ key: "no_address", count: 5 }],
      heldOut: 6,
    });
    expect(table.rows.map((r) => r.cells)).toEqual([
      ["Failed: Rate limited", "3"],
      ["Retries", "4"],
      ["Deferred by quiet hours", "12"],
      ["Deferred by the daily cap", "2"],
      ["Superseded", "1"],
      ["Skipped: No address", "5"],
      ["Held out", "6"],
    ]);
    expect(table.rows.every((r) => r.definition)).toBe(true);
  });

  it("compares reminded and held-out cycles", () => {
    const table = holdoutTable({
      percent: 10,
      reached: 400,
      reactivations: 60,
      heldOut: 0,
      heldOutReturned: 0,
      lift: null,
      incrementalReactivations: null,
      incrementalRevenue: {},
      needed: 100,
      verdict: "Not enough data yet: 100 more held-out cycles needed.",
    });
    expect(table.rows.map((r) => r.cells)).toEqual([
      ["Reminded", "400", "60", "15.0%"],
      ["Held out", "0", "0", "—"],
    ]);
  });
});
