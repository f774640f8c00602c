// `npm run bench:dashboard`: the analyst dashboard's query over a large ledger, on the Postgres in
// DATABASE_URL (a fresh database, dropped afterwards) or on embedded PGlite. The ledger is written
// by SQL in the shape the engine writes it (the engine itself would take hours for ten million
// deliveries); the rollup step then rebuilds the rollups from it as it does in production, and
// the dashboard reads only those. Fails unless the dashboard shows what the ledger holds.
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { dashboardData } from "@/server/metrics/dashboard";
import type { DashboardInput } from "@/server/metrics/dashboard-schema";
import { refreshRollups } from "@/server/metrics/rollups/refresh";
import { insertBenchTenant, openBenchDatabase } from "./bench-tenant";

const serverUrl = process.env.DATABASE_URL || undefined;
const sizes = (process.env.BENCH_SIZES ?? "1000000").split(",").map(Number);
const QUERIES = 40;
const now = new Date("2026-12-01T05:00:00Z");
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function fail(message: string): never {
  console.error(`bench:dashboard: ${message}`);
  process.exit(1);
}

/**
 * Per contact: two cycles (the first returned, the second returned for a third of contacts), each
 * with a streak_lost and a week reminder on web push and Zalo, so 8 deliveries per contact. Every
 * tenth contact is held out; some deliveries failed or were skipped; a quarter of first cycles
 * had a link opened; a fifth of returns carry revenue.
 */
async function writeLedger(handle: DbHandle, tenantId: string, contactCount: number) {
  const { db } = handle;
  const t0 = `(timestamptz '${now.toISOString()}' - interval '400 days')`;
  const run = (q: string) => db.execute(sql.raw(q));
  await run(`insert into contacts (id, tenant_id, external_id, channels, last_activity_at)
    select md5('ct' || i)::uuid, '${tenantId}', 'c' || i, '{"web_push":"subscribed","zalo":"subscribed"}',
      ${t0} + ((i * 7) % 150) * interval '1 day' + (60 + i % 40) * interval '1 day'
    from generate_series(1, ${contactCount}) i`);
  await run(`insert into cycles (id, tenant_id, contact_id, started_at, closed_at, close_reason, returned_at, held_out)
    select md5('cy' || i || '-' || k)::uuid, '${tenantId}', md5('ct' || i)::uuid, s.start,
      case when k = 1 or i % 3 = 0 then s.start + s.len end,
      case when k = 1 or i % 3 = 0 then 'activity' end,
      case when k = 1 or i % 3 = 0 then s.start + s.len end,
      i % 10 = 0
    from generate_series(1, ${contactCount}) i cross join generate_series(1, 2) k
    cross join lateral (select ${t0} + ((i * 7) % 150) * interval '1 day'
      + (k - 1) * (30 + i % 30) * interval '1 day' as start,
      (case when k = 1 then 30 + i % 30 else 20 + i % 25 end) * interval '1 day' as len) s`);
  await run(`insert into reminders (id, tenant_id, contact_id, cycle_id, key, reached_at, planned_at)
    select md5('rm' || c.id || r.key)::uuid, c.tenant_id, c.contact_id, c.id, r.key,
      c.started_at + r.days * interval '1 day', c.started_at + r.days * interval '1 day'
    from cycles c cross join (values ('streak_lost', 2), ('week', 7)) r(key, days)
    where c.tenant_id = '${tenantId}'`);
  await run(`insert into deliveries (id, tenant_id, contact_id, reminder_id, channel, status, reason,
      due_at, first_attempt_at, finished_at, attempt_count, variant, content)
    select md5('dl' || r.id || ch)::uuid, r.tenant_id, r.contact_id, r.id, ch::channel,
      (case when c.held_out then 'held_out' when h % 17 = 0 then 'failed'
        when h % 13 = 0 and ch = 'zalo' then 'skipped' else 'sent' end)::delivery_status,
      case when h % 13 = 0 and ch = 'zalo' and not c.held_out then 'opted_out' end,
      r.reached_at + interval '8 hours', r.reached_at + interval '8 hours',
      r.reached_at + interval '8 hours', 1, chr(65 + h % 3),
      jsonb_build_object('ctaKind', case when h % 2 = 0 then 'explore_new' else 'quick_practice' end)
    from reminders r join cycles c on c.id = r.cycle_id
    cross join (values ('web_push'), ('zalo')) chs(ch)
    cross join lateral (select abs(hashtext(r.contact_id::text)) h) x
    where r.tenant_id = '${tenantId}'`);
  await run(`insert into engine_events (tenant_id, contact_id, cycle_id, reminder_id, delivery_id, type, at, reason)
    select d.tenant_id, d.contact_id, r.cycle_id, r.id, d.id, 'clicked', d.finished_at + interval '1 hour', 'bench'
    from deliveries d join reminders r on r.id = d.reminder_id
    where d.tenant_id = '${tenantId}' and d.status = 'sent' and d.channel = 'web_push' and r.key = 'week'
      and abs(hashtext(d.contact_id::text)) % 4 = 0`);
  await run(`insert into activity_events (tenant_id, contact_id, external_id, kind, occurred_at, revenue_minor, currency)
    select c.tenant_id, c.contact_id, 'a' || c.id, 'exercise_completed', c.returned_at, 15000, 'USD'
    from cycles c where c.tenant_id = '${tenantId}' and c.returned_at is not null
      and abs(hashtext(c.contact_id::text)) % 5 = 0`);
  if (handle.driver === "postgres") await run("analyze");
}

const inputs: DashboardInput[] = [
  { from: "2025-12-01", to: "2026-11-30", period: "week" },
  { from: "2025-12-01", to: "2026-11-30", period: "month" },
  { from: "2026-09-01", to: "2026-11-30", period: "week" },
  { from: "2025-12-01", to: "2026-11-30", period: "week", stage: "week" },
  { from: "2025-12-01", to: "2026-11-30", period: "month", channel: "zalo" },
];

async function measure(deliveryCount: number) {
  const handle = await openBenchDatabase();
  try {
    const { db } = handle;
    const tenant = await insertBenchTenant(db);
    const contactCount = Math.ceil(deliveryCount / 8);
    let start = process.hrtime.bigint();
    await writeLedger(handle, tenant.id, contactCount);
    const writeMs = ms(start);
    const [ledger] = rowsOf<{ deliveries: string | number; sent: string | number }>(
      await db.execute(sql`select count(*) deliveries, count(*) filter (where status = 'sent') sent
        from deliveries where tenant_id = ${tenant.id}`),
    );
    start = process.hrtime.bigint();
    const rollupRows = await refreshRollups(db, tenant.id, now);
    const rollupMs = ms(start);

    const timings: number[] = [];
    let allTime: Awaited<ReturnType<typeof dashboardData>> | undefined;
    for (let q = 0; q < QUERIES; q++) {
      const input = inputs[q % inputs.length]!;
      start = process.hrtime.bigint();
      const data = await dashboardData(db, tenant, input, now);
      timings.push(ms(start));
      if (q === 0) allTime = data;
    }
    // The dashboard must show what the ledger holds: every sent delivery of the range, and
    // reactivations among the reached cycles.
    const sentAllTime = (
      await dashboardData(
        db,
        tenant,
        { from: "2020-01-06", to: "2026-12-31", period: "month" },
        now,
      )
    ).kpis.remindersSent;
    if (sentAllTime !== Number(ledger!.sent))
      fail(`the dashboard shows ${sentAllTime} reminders sent, the ledger has ${ledger!.sent}`);
    if (!allTime || allTime.kpis.reactivations === 0 || allTime.kpis.contactsReached === 0)
      fail("the dashboard showed no reactivations: the rollups measured nothing");
    timings.sort((a, b) => a - b);
    const pct = (p: number) =>
      timings[Math.min(timings.length - 1, Math.ceil(p * timings.length) - 1)]!;
    return {
      deliveries: Number(ledger!.deliveries),
      writeMs,
      rollupMs,
      rollupRows,
      p50: pct(0.5),
      p95: pct(0.95),
      reached: allTime.kpis.contactsReached,
      reactivations: allTime.kpis.reactivations,
    };
  } finally {
    await handle.close();
  }
}

console.log(
  `bench:dashboard on ${serverUrl ? "PostgreSQL" : "PGlite"}, ${QUERIES} dashboard queries per size`,
);
console.log(
  "| deliveries | ledger written | rollups rebuilt | rollup rows | query p50 | query p95 |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
for (const size of sizes) {
  const r = await measure(size);
  console.log(
    `| ${r.deliveries.toLocaleString("en-US")} | ${(r.writeMs / 1000).toFixed(1)} s | ` +
      `${(r.rollupMs / 1000).toFixed(1)} s | ${r.rollupRows.toLocaleString("en-US")} | ` +
      `${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`,
  );
  console.error(
    `  (last 12 months: ${r.reached} cycles reached, ${r.reactivations} reactivations)`,
  );
}
