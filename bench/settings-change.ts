// `npm run bench:settings`: one settings save (SPEC §1.9) over a whole workspace, on the Postgres in
// DATABASE_URL (a fresh database, dropped afterwards) or on embedded PGlite: the dry run the save
// dialog shows, then the save that skips the late milestones and recomputes every next check.
// Fails unless each contact got exactly what the rules say. Copy the figures into RESULTS.md.
import { and, count, eq, isNotNull } from "drizzle-orm";
import { insertInChunks } from "@/db/bulk";
import { presetFor } from "@/db/presets";
import { contacts, deliveries } from "@/db/schema";
import { previewImpact, saveSettings } from "@/server/settings/save";
import { BENCH_ZONE, insertBenchTenant, openBenchDatabase } from "./bench-tenant";

const serverUrl = process.env.DATABASE_URL || undefined;
const sizes = (process.env.BENCH_SIZES ?? "100000").split(",").map(Number);
// 12:00 local on 2026-06-01; contact i was last active at 12:00 local (i % 400) days before.
const now = new Date("2026-06-01T05:00:00Z");
const DAY = 86_400_000;
const FORTNIGHT = 14;
const twoYears = { key: "two_years", label: "Two years", threshold: 730, unit: "day" as const };
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function fail(message: string): never {
  console.error(`bench:settings: ${message}`);
  process.exit(1);
}

async function measure(total: number) {
  const handle = await openBenchDatabase();
  try {
    const { db } = handle;
    const tenant = await insertBenchTenant(db);
    const before = presetFor("self_study");
    const rows = Array.from({ length: total }, (_, i) => ({
      tenantId: tenant.id,
      externalId: `c${i}`,
      timeZone: BENCH_ZONE,
      channels: { web_push: "subscribed" as const, zalo: "subscribed" as const },
      lastActivityAt: new Date(now.getTime() - (i % 400) * DAY),
      nextCheckAt: null,
    }));
    for (let i = 0; i < rows.length; i += 50_000)
      await insertInChunks(db, contacts, rows.slice(i, i + 50_000));

    // A fortnight stage between week and month: by the rules (SPEC §1.1, §1.9) it is late for
    // exactly the contacts inactive 14 local days or more, as no cycle has handled it.
    const [streak, week, ...rest] = before.cadence.stages;
    const after = {
      ...before,
      cadence: {
        ...before.cadence,
        stages: [
          streak!,
          week!,
          { key: "fortnight", label: "Fortnight", threshold: FORTNIGHT, unit: "day" as const },
          ...rest,
          twoYears,
        ],
      },
    };
    const expectedLate = rows.filter((_, i) => i % 400 >= FORTNIGHT).length;
    const tenantRef = { id: tenant.id, kind: "self_study" as const };

    // First a change no contact is late for (a stage at two years, past everyone's inactivity):
    // the save only recomputes every next check.
    const far = {
      ...before,
      cadence: {
        ...before.cadence,
        stages: [...before.cadence.stages, twoYears],
      },
    };
    // The dry run of that change reads only contacts a changed stage can have passed: none.
    const farDryStart = process.hrtime.bigint();
    const farImpact = await previewImpact(db, tenantRef, far, now);
    const farDryMs = ms(farDryStart);
    if (farImpact.late.contacts !== 0) fail("the two-year stage is late for nobody (dry run)");
    const recomputeStart = process.hrtime.bigint();
    const recompute = await saveSettings(db, {
      tenant: tenantRef,
      settings: far,
      sender: { name: "-", email: "bench@rekindle.local", postalAddress: "-" },
      lateMilestones: "skip",
      actor: { userId: null, label: "bench" },
      now,
    });
    const recomputeMs = ms(recomputeStart);
    if (recompute.impact.late.contacts !== 0) fail("the two-year stage is late for nobody");

    // Quiet hours only: no milestone moves, so no contact is read.
    const quietStart = process.hrtime.bigint();
    const quiet = await saveSettings(db, {
      tenant: tenantRef,
      settings: { ...far, quietHours: { start: "21:00", end: "07:30", resumeAt: "08:00" } },
      sender: { name: "-", email: "bench@rekindle.local", postalAddress: "-" },
      lateMilestones: "skip",
      actor: { userId: null, label: "bench" },
      now,
    });
    const quietMs = ms(quietStart);
    if (quiet.changed !== 1) fail("the quiet-hours save changed one setting");

    const dryStart = process.hrtime.bigint();
    const impact = await previewImpact(db, tenantRef, after, now);
    const dryMs = ms(dryStart);
    if (impact.late.contacts !== expectedLate)
      fail(`dry run counted ${impact.late.contacts} late contacts, expected ${expectedLate}`);

    const saveStart = process.hrtime.bigint();
    const report = await saveSettings(db, {
      tenant: tenantRef,
      settings: after,
      sender: { name: "-", email: "bench@rekindle.local", postalAddress: "-" },
      lateMilestones: "skip",
      actor: { userId: null, label: "bench" },
      now,
    });
    const saveMs = ms(saveStart);
    const [skipped] = await db
      .select({ n: count() })
      .from(deliveries)
      .where(and(eq(deliveries.tenantId, tenant.id), eq(deliveries.reason, "settings_changed")));
    const [checked] = await db
      .select({ n: count() })
      .from(contacts)
      .where(and(eq(contacts.tenantId, tenant.id), isNotNull(contacts.nextCheckAt)));
    if (report.impact.late.contacts !== expectedLate || skipped!.n !== expectedLate * 2)
      fail(`save skipped ${skipped!.n} deliveries, expected ${expectedLate * 2}`);
    if (checked!.n !== total) fail(`${checked!.n} of ${total} contacts got a next check`);
    return { total, late: expectedLate, farDryMs, recomputeMs, quietMs, dryMs, saveMs };
  } finally {
    await handle.close();
  }
}

console.log(`settings save on ${serverUrl ? "PostgreSQL" : "PGlite"}`);
console.log(
  "| contacts | dry run, stage at 2 years | save, stage at 2 years (nobody late) | save, quiet hours only | dry run, fortnight stage | late contacts | save, late ones skipped (×2 channels) | peak RSS |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const size of sizes) {
  const r = await measure(size);
  const rss = Math.round(process.resourceUsage().maxRSS / 1024);
  const perSecond = (msTaken: number) =>
    `${(msTaken / 1000).toFixed(1)} s (${Math.round(r.total / (msTaken / 1000)).toLocaleString("en")} contacts/s)`;
  console.log(
    `| ${r.total.toLocaleString("en")} | ${Math.round(r.farDryMs)} ms | ${perSecond(r.recomputeMs)} | ${Math.round(r.quietMs)} ms | ${(r.dryMs / 1000).toFixed(1)} s | ${r.late.toLocaleString("en")} | ${perSecond(r.saveMs)} | ${rss} MB |`,
  );
}
