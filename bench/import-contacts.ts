// `npx tsx bench/import-contacts.ts`: a CSV import of 100,000 contacts (IMPORT_ROWS) with 1% bad
// rows, through the import page's own path: the file read and mapped by `streamRows` (the code
// the browser runs), each batch of 1,000 stored by `importBatch` (the tRPC procedure's function),
// on the Postgres in DATABASE_URL (a fresh database, dropped afterwards) or an in-memory PGlite.
// Checks that exactly the bad rows were rejected, with their lines, and every good row stored;
// prints rows/s and peak memory. Figures in bench/RESULTS.md.
import { loadavg } from "node:os";
import { asc, count, eq } from "drizzle-orm";
import { presetFor } from "@/db/presets";
import { contacts, tenantSettings, tenants } from "@/db/schema";
import { autoMap } from "@/server/imports/fields";
import { importBatch, type LineError } from "@/server/imports/import-batch";
import { scanCsv, streamRows } from "@/server/imports/read-csv";
import { openBenchDatabase } from "./bench-tenant";
import { entitleAndActivate } from "@/server/modules/entitle";

const serverUrl = process.env.DATABASE_URL || undefined;
const total = Number(process.env.IMPORT_ROWS ?? 100_000);
const now = new Date("2026-11-23T12:00:00Z");
const zones = ["Asia/Ho_Chi_Minh", "America/Chicago", "Europe/London", "Asia/Tokyo"];
const names = ["Phan Diễm Hương", "Nguyễn Văn An", "Maya Ortiz", "Lan, Nguyen", 'O\'Brien "Bo"'];

/** Every 100th row is bad, in one of five ways; the field each is reported under. */
const badKinds = [
  { field: "email", cells: (i: number) => ({ email: `not-an-email-${i}` }) },
  { field: "phone", cells: () => ({ phone: "0912 345 678" }) },
  { field: "timeZone", cells: () => ({ timeZone: "Mars/Base" }) },
  { field: "lastActivityAt", cells: () => ({ lastActivityAt: "2030-01-01T00:00:00Z" }) },
  { field: "externalId", cells: () => ({ externalId: "" }) },
];

const header = [
  "External ID",
  "Full name",
  "Email",
  "Phone",
  "Time zone",
  "Tags",
  "Last activity",
  "Channels",
];

function quote(cell: string): string {
  return /[",\n\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** The CSV text, the lines of its bad rows with the field each is refused for. */
function generate(): { csv: string; bad: Map<number, string> } {
  const lines = [header.join(",")];
  const bad = new Map<number, string>();
  for (let i = 0; i < total; i++) {
    const line = i + 2;
    let cells: Record<string, string> = {
      externalId: `cust-${String(i).padStart(6, "0")}`,
      name: names[i % names.length]!,
      email: `customer${i}@mail.example`,
      phone: `+1312${String(5_550_000 + (i % 1_000_000)).padStart(7, "0")}`,
      timeZone: zones[i % zones.length]!,
      tags: i % 3 === 0 ? "vip;newsletter" : "",
      lastActivityAt: new Date(now.getTime() - ((i % 400) + 1) * 86_400_000).toISOString(),
      channels: "email:subscribed;sms",
    };
    if (i % 100 === 50) {
      const kind = badKinds[Math.floor(i / 100) % badKinds.length]!;
      cells = { ...cells, ...kind.cells(i) };
      bad.set(line, kind.field);
    }
    lines.push(Object.values(cells).map(quote).join(","));
  }
  return { csv: lines.join("\r\n") + "\r\n", bad };
}

/** Peak RSS and heap, sampled every 20 ms while the import runs. */
function memoryPeaks() {
  const peak = { rss: 0, heap: 0 };
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heap = Math.max(peak.heap, heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main() {
  const { csv, bad } = generate();
  const file = new Blob([csv]);
  const handle = await openBenchDatabase();
  try {
    const { db } = handle;
    const [tenant] = await db
      .insert(tenants)
      .values({
        slug: "bench-import",
        name: "Bench import",
        kind: "home_services",
        timeZone: "America/Chicago",
        postalAddress: "-",
        senderName: "-",
        senderEmail: "bench@rekindle.local",
      })
      .returning();
    await db.insert(tenantSettings).values({
      tenantId: tenant!.id,
      settings: presetFor("home_services"),
    });
    await entitleAndActivate(db, tenant!.id, "benchmark", new Date());

    const before = process.memoryUsage();
    const memory = memoryPeaks();
    const start = process.hrtime.bigint();
    const scan = await scanCsv(file);
    const mapping = autoMap("contacts", scan.header);
    const errors: LineError[] = [];
    let stored = 0;
    let batches = 0;
    let slowest = 0;
    let serverMs = 0;
    await streamRows(file, mapping, async (rows) => {
      const batchStart = process.hrtime.bigint();
      const outcome = await importBatch(db, tenant!.id, "contacts", rows, now);
      const batchMs = Number(process.hrtime.bigint() - batchStart) / 1e6;
      slowest = Math.max(slowest, batchMs);
      serverMs += batchMs;
      stored += outcome.created + outcome.updated;
      errors.push(...outcome.errors);
      batches++;
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const peak = memory.stop();

    // Exactly the bad rows, each once, on its line and field; every good row in the table.
    const rejected = new Map(errors.map((e) => [e.line, e.field]));
    const problems: string[] = [];
    if (scan.rows !== total) problems.push(`scan counted ${scan.rows} rows, not ${total}`);
    if (errors.length !== bad.size)
      problems.push(`${errors.length} errors for ${bad.size} bad rows`);
    for (const [line, field] of bad)
      if (rejected.get(line) !== field)
        problems.push(`line ${line}: expected ${field}, got ${rejected.get(line) ?? "nothing"}`);
    const [{ n }] = (await db
      .select({ n: count() })
      .from(contacts)
      .where(eq(contacts.tenantId, tenant!.id))) as [{ n: number }];
    const good = total - bad.size;
    if (stored !== good || Number(n) !== good)
      problems.push(`stored ${stored} (table: ${n}), expected ${good}`);
    const [first] = await db
      .select()
      .from(contacts)
      .where(eq(contacts.tenantId, tenant!.id))
      .orderBy(asc(contacts.externalId))
      .limit(1);
    if (first?.name !== names[0] || first?.phone !== "+13125550000")
      problems.push(`cust-000000 stored as ${JSON.stringify(first)}`);
    if (problems.length) throw new Error(`import benchmark failed:\n${problems.join("\n")}`);

    console.log(
      `contacts CSV import on ${serverUrl ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}: ${mb(csv.length)} file\n`,
    );
    // "reading": the page's part (scan, parse, map), i.e. everything but importBatch.
    const readingS = seconds - serverMs / 1000;
    const thousands = (x: number) => Math.round(x).toLocaleString("en-US");
    console.log(
      "| rows | rejected | batches | time | rows/s | reading | server per batch (slowest) | peak RSS | peak heap |",
    );
    console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    console.log(
      `| ${thousands(total)} | ${thousands(errors.length)} | ${batches} | ${seconds.toFixed(1)} s | ${thousands(total / seconds)} | ${readingS.toFixed(1)} s | ${thousands(serverMs / batches)} ms (${thousands(slowest)} ms) | ${mb(peak.rss)} (${mb(before.rss)} before) | ${mb(peak.heap)} (${mb(before.heapUsed)} before) |`,
    );
    console.log(
      `\nload average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(", ")}`,
    );
    // With NODE_OPTIONS=--expose-gc: what the import left on the heap (a leak would show here).
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      console.log(`heap after a full GC: ${mb(process.memoryUsage().heapUsed)}`);
    }
  } finally {
    await handle.close();
  }
}

await main();
