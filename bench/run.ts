// `npm run bench`: engine throughput on the Postgres in DATABASE_URL (a fresh database, dropped
// afterwards), or on embedded PGlite. Prints its figures; copy them into bench/RESULTS.md.
import { openDatabase, type Db, type DbHandle } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import { migrateDatabase } from "@/db/migrate";
import { openScratchDatabase } from "@/db/scratch-database";
import { contacts } from "@/db/schema";
import { BENCH_ZONE, insertBenchTenant } from "./bench-tenant";
import type { ChannelProvider } from "@/server/engine/channels/provider";
import { dispatchDue } from "@/server/engine/steps/dispatch";
import { findDueContacts, scanDue } from "@/server/engine/steps/scan";
import { sendDeliveries } from "@/server/engine/steps/send";
import { localMidnight } from "@/server/engine/time";

const serverUrl = process.env.DATABASE_URL || undefined;
const sizes = (process.env.BENCH_SIZES ?? (serverUrl ? "100000,1000000" : "20000,100000"))
  .split(",")
  .map(Number);
const batch = Number(process.env.BENCH_BATCH ?? 1_000);
// Concurrent planners (each its own connection); PGlite runs one statement at a time anyway.
const workers = Number(process.env.BENCH_WORKERS ?? (serverUrl ? 2 : 1));
const zone = BENCH_ZONE;
// The local midnight at which 10% of the contacts cross streak_lost.
const midnight = localMidnight("2026-03-03", zone);
const instant: ChannelProvider = { send: async (m) => ({ providerMessageId: m.deliveryId }) };
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

async function freshDb(): Promise<DbHandle> {
  return serverUrl ? openScratchDatabase(serverUrl, "rekindle_bench") : openDatabase({});
}

async function seed(db: Db, total: number) {
  const tenant = await insertBenchTenant(db);
  const dueLast = new Date("2026-03-01T05:00:00Z"); // Mar 1 local → streak_lost at Mar 3 00:00
  const activeLast = new Date("2026-03-02T05:00:00Z");
  const later = localMidnight("2026-03-04", zone);
  const rows = Array.from({ length: total }, (_, i) => {
    const due = i % 10 === 0;
    return {
      tenantId: tenant.id,
      externalId: `c${i}`,
      name: `Contact ${i}`,
      timeZone: zone,
      channels: { web_push: "subscribed" as const, zalo: "subscribed" as const },
      lastActivityAt: due ? dueLast : activeLast,
      nextCheckAt: due ? midnight : later,
    };
  });
  const start = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += 50_000)
    await insertInChunks(db, contacts, rows.slice(i, i + 50_000));
  return { seedMs: ms(start) };
}

async function measure(total: number) {
  const handle = await freshDb();
  try {
    await migrateDatabase(handle);
    const { db } = handle;
    const { seedMs } = await seed(db, total);
    // Scan: the first 5,000 due contacts, a due set of the same size at every total; timed after
    // a first run, so both sizes are measured with warm caches.
    await findDueContacts(db, midnight, 5_000);
    const scanStart = process.hrtime.bigint();
    const found = (await findDueContacts(db, midnight, 5_000)).length;
    const scanMs = ms(scanStart);
    if (found !== Math.min(5_000, total / 10)) throw new Error(`scan found ${found} due contacts`);
    // Plan every due contact, a batch at a time, as the engine's tick does.
    const planStart = process.hrtime.bigint();
    let planned = 0;
    const planner = async () => {
      for (;;) {
        const { planned: n, setAside } = await scanDue(db, midnight, batch);
        if (setAside.length > 0) throw new Error(`planning set aside ${setAside.length} contacts`);
        if (n === 0) return;
        planned += n;
      }
    };
    await Promise.all(Array.from({ length: workers }, planner));
    const planMs = ms(planStart);
    // Send everything planned, with an instant provider.
    const sendAt = new Date(midnight.getTime() + 8 * 3_600_000); // 08:00 local
    const sendStart = process.hrtime.bigint();
    let sent = 0;
    for (;;) {
      const claimed = await dispatchDue(db, sendAt, batch);
      if (claimed.length === 0) break;
      const results = await sendDeliveries(
        db,
        instant,
        claimed.map((d) => d.id),
        sendAt,
      );
      sent += [...results.values()].filter((r) => r === "sent").length;
    }
    const sendMs = ms(sendStart);
    return { total, seedMs, scanMs, planned, planMs, sent, sendMs };
  } finally {
    await handle.close();
  }
}

console.log(
  `engine benchmark on ${serverUrl ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}; batches of ${batch}\n`,
);
console.log("| contacts | seed | scan (first 5,000 due) | planned | plan | sent | send |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const total of sizes) {
  const r = await measure(total);
  const rate = (n: number, t: number) => Math.round((n / t) * 1000).toLocaleString("en-US");
  console.log(
    `| ${total.toLocaleString("en-US")} | ${(r.seedMs / 1000).toFixed(1)} s | ${r.scanMs.toFixed(1)} ms | ${r.planned.toLocaleString("en-US")} | ${rate(r.planned, r.planMs)} contacts/s | ${r.sent.toLocaleString("en-US")} | ${rate(r.sent, r.sendMs)} deliveries/s |`,
  );
}
