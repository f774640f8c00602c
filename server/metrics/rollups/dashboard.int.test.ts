import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { runScenario } from "@/server/engine/simulate/run";
import { scenarioSchema } from "@/server/engine/simulate/scenario";
import { openTestDb } from "@/test/db";
import { dashboardData } from "../dashboard";
import { refreshRollups } from "./refresh";

/*
 * The dashboard reads rollups; these replay the hand-worked scenarios 22 and 23 (their
 * descriptions give the reasoning) through the real engine, rebuild the rollups, and expect the
 * dashboard to show the same numbers as the scenarios' metrics.
 */
const scenario = (name: string) =>
  scenarioSchema.parse(JSON.parse(readFileSync(`scenarios/${name}.json`, "utf8")));

async function dashboardAfter(
  name: string,
  input: { from: string; to: string; stage?: string; channel?: "zalo" | "web_push" },
) {
  let data: Awaited<ReturnType<typeof dashboardData>> | undefined;
  let rebuiltTwice: [number, number] = [0, 0];
  const s = scenario(name);
  await runScenario(s, {
    open: openTestDb,
    inspect: async (db: Db) => {
      const [tenant] = await db.select().from(tenants);
      const now = new Date(s.end);
      // Idempotent: a second rebuild writes the same rows.
      rebuiltTwice = [
        await refreshRollups(db, tenant!.id, now),
        await refreshRollups(db, tenant!.id, now),
      ];
      data = await dashboardData(db, tenant!, { period: "week", ...input }, now);
    },
  });
  expect(rebuiltTwice[0]).toBeGreaterThan(0);
  expect(rebuiltTwice[1]).toBe(rebuiltTwice[0]);
  return data!;
}

describe("the dashboard over a replayed scenario", () => {
  it("shows scenario 22's reached cycles, reactivations and revenue, by stage and channel", async () => {
    const d = await dashboardAfter("22-attribution-window-revenue-and-clicks", {
      from: "2025-12-01",
      to: "2026-02-28",
    });
    expect(d.kpis).toMatchObject({
      contactsReached: 9,
      reactivations: 3,
      rate: 3 / 9,
      revenue: { USD: 38500, VND: 250000 },
      revenuePerReactivation: { USD: Math.round(38500 / 3), VND: Math.round(250000 / 3) },
      // a, b, c, d, e each returned once.
      returns: 5,
    });
    const counts = (rows: { key: string; reached: number; reactivations: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.key, [r.reached, r.reactivations]]));
    expect(counts(d.byStage)).toEqual({ streak_lost: [6, 1], week: [5, 0], month: [6, 2] });
    expect(counts(d.byChannel)).toEqual({ web_push: [9, 2], zalo: [9, 3] });
    // Funnel in cycles: d is the only contact who opened a link.
    expect(d.funnel).toMatchObject({ sent: 9, clicked: 1, reactivated: 3 });
    expect(d.series.reduce((n, p) => n + p.reached, 0)).toBe(9);
    expect(d.series.every((p) => p.periodStart >= "2025-12-01")).toBe(true);
  });

  it("narrows the KPIs to a stage or a channel", async () => {
    const month = await dashboardAfter("22-attribution-window-revenue-and-clicks", {
      from: "2025-12-01",
      to: "2026-02-28",
      stage: "month",
    });
    expect(month.kpis).toMatchObject({ contactsReached: 6, reactivations: 2 });
  });

  it("shows scenario 23's holdout counts and waits for 100 held-out cycles", async () => {
    const d = await dashboardAfter("23-holdout-group", { from: "2025-12-01", to: "2026-02-28" });
    expect(d.holdout).toMatchObject({
      percent: 50,
      reached: 4,
      reactivations: 1,
      heldOut: 4,
      heldOutReturned: 2,
      lift: null,
      needed: 96,
      verdict: "Not enough data yet: 96 more held-out cycles needed.",
    });
    expect(d.health.heldOut).toBe(10);
  });
});
