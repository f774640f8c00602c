import { describe, expect, it } from "vitest";
import { funnelSteps, funnelTable } from "./funnel";
import { healthTable } from "./health-table";
import { holdoutTable } from "./holdout-table";

describe("funnel, health and holdout tables", () => {
  it("gives each funnel step its share of the step before and of planned", () => {
    const steps = funnelSteps({ planned: 200, sent: 150, clicked: 30, reactivated: 15 });
    expect(steps.map((s) => [s.label, s.cycles, s.ofPrevious, s.ofPlanned])).toEqual([
      ["Planned", 200, null, 1],
      ["Sent", 150, 0.75, 0.75],
      ["Clicked", 30, 0.2, 0.15],
      ["Reactivated", 15, 0.5, 0.075],
    ]);
    expect(funnelTable(steps).rows[3]!.cells).toEqual(["Reactivated", "15", "50.0%", "7.5%"]);
    const empty = funnelSteps({ planned: 0, sent: 0, clicked: 0, reactivated: 0 });
    expect(funnelTable(empty).rows[1]!.cells).toEqual(["Sent", "0", "—", "—"]);
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
