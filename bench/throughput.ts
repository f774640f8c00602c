// `npm run bench` (through bench/run.ts): engine throughput with real messages, on the Postgres in DATABASE_URL (a fresh
// database, dropped afterwards) or on embedded PGlite. One self-study workspace of
// BENCH_CONTACTS contacts reachable on web push and Zalo (bench/reachable.ts), BENCH_DUE of them
// due at one local midnight; then, timed, each with the process's peak RSS:
//   plan     `scanDue` in batches until nothing is due (contacts/s),
//   send     `dispatchDue` + `sendDeliveries` with real composition and an instant provider
//            that records every call (deliveries/s),
//   ceiling  a plain-SQL claim-and-record of as many rows on the same database (rows/s),
//   ingest   the activity API over HTTP in batches of 1,000, one client per worker (events/s),
//   year     a simulated year of BENCH_SIM_CONTACTS learners (bench/simulate-year.ts).
// It exits non-zero when a phase does less than expected: planned ≠ due, sent ≠ planned ×
// channels, a message without its address, variant or recommendations, a stored event missing.
// BENCH_PROFILE=1 also writes a CPU profile of the send phase to .data/bench and summarises it.
// On a server that loads pg_stat_statements, plan's and send's statements are also ranked by the
// server's own time.
import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { activityEvents, contacts, deliveries, reminders } from "@/db/schema";
import { dispatchDue } from "@/server/engine/steps/dispatch";
import { findDueContacts, scanDue } from "@/server/engine/steps/scan";
import { sendDeliveries } from "@/server/engine/steps/send";
import { openBenchDatabase } from "./bench-tenant";
import { prepareCeiling, runCeiling } from "./ceiling";
import { postActivity, startActivityServer, type ActivityRow } from "./ingest-http";
import {
  countBackendCpuOf,
  phase,
  profiling,
  timingStatements,
  type PhaseCpu,
  type ProfileSummary,
} from "./measure";
import { CHANNELS, DUE_AT, SEND_AT, seedReachableWorkspace } from "./reachable";
import { recordingProvider } from "./recording-provider";
import { RECORDED_YEARS, simulateYear } from "./simulate-year";
import { countsStatements, serverTiming, type ServerStatement } from "./server-statements";

const serverUrl = process.env.DATABASE_URL || undefined;
const total = Number(process.env.BENCH_CONTACTS ?? 100_000);
const due = Number(process.env.BENCH_DUE ?? total / 10);
const events = Number(process.env.BENCH_EVENTS ?? 2 * due);
const batch = Number(process.env.BENCH_BATCH ?? 1_000);
const simContacts = Number(process.env.BENCH_SIM_CONTACTS ?? 2_000);
const profile = process.env.BENCH_PROFILE === "1";
// Concurrent planners and senders (each its own connection, like the live engine's workers);
// PGlite runs one statement at a time anyway.
const workers = Number(process.env.BENCH_WORKERS ?? (serverUrl ? 2 : 1));

const failures: string[] = [];
function expect(what: string, actual: number, expected: number) {
  if (actual !== expected) failures.push(`${what}: ${actual}, expected ${expected}`);
}
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const perSecond = (n: number, ms: number) => (n / ms) * 1000;
/** CPU ms per 1,000 items: Node (with PGlite in it) + the local server, whatever else ran. */
function cpuPer1000({ n, cpu }: { n: number; cpu: PhaseCpu }) {
  const per = (ms: number) => fmt((ms / n) * 1000);
  if (cpu.serverMs === null) return `${per(cpu.nodeMs)} ms`;
  return `${per(cpu.nodeMs + cpu.serverMs)} ms (Node ${per(cpu.nodeMs)} + server ${per(cpu.serverMs)})`;
}

async function plan(db: Db) {
  let planned = 0;
  const planner = async () => {
    for (;;) {
      const { planned: n, setAside } = await scanDue(db, DUE_AT, batch);
      if (setAside.length > 0) failures.push(`planning set aside ${setAside.length} contacts`);
      if (n === 0) return;
      planned += n;
    }
  };
  await Promise.all(Array.from({ length: workers }, planner));
  return planned;
}

async function send(db: Db, provider: ReturnType<typeof recordingProvider>) {
  let sent = 0;
  const outcomes = new Map<string, number>();
  // Batches each sender sent: a claim that came back empty beside another's stopped its sender.
  const batches = Array.from({ length: workers }, () => 0);
  const sender = async (_: unknown, worker: number) => {
    for (;;) {
      const claimed = await dispatchDue(db, SEND_AT, batch);
      if (claimed.length === 0) return;
      const results = await sendDeliveries(
        db,
        provider,
        claimed.map((d) => d.id),
        SEND_AT,
      );
      batches[worker]!++;
      for (const r of results.values()) outcomes.set(r, (outcomes.get(r) ?? 0) + 1);
      sent += [...results.values()].filter((r) => r === "sent").length;
    }
  };
  await Promise.all(Array.from({ length: workers }, sender));
  return { sent, outcomes, batches };
}

/** What the ledger holds: pending deliveries by stage, deliveries by status. */
async function ledger(db: Db) {
  const byStage = await db
    .select({ stage: reminders.key, n: count() })
    .from(deliveries)
    .innerJoin(reminders, eq(reminders.id, deliveries.reminderId))
    .where(eq(deliveries.status, "pending"))
    .groupBy(reminders.key);
  const byStatus = await db
    .select({ status: deliveries.status, n: count() })
    .from(deliveries)
    .groupBy(deliveries.status);
  return {
    stage: (key: string) => byStage.find((r) => r.stage === key)?.n ?? 0,
    status: (key: string) => byStatus.find((r) => r.status === key)?.n ?? 0,
    deliveries: byStatus.reduce((sum, r) => sum + r.n, 0),
  };
}

/** Every call carried a real address and a composed message from an approved variant. */
async function checkMessages(db: Db, provider: ReturnType<typeof recordingProvider>) {
  const calls = provider.calls;
  const noAddress = calls.filter((c) => {
    if (c.channel === "zalo") return !c.recipient.startsWith("zalo-");
    try {
      return !(JSON.parse(c.recipient) as { endpoint?: string }).endpoint;
    } catch {
      return true;
    }
  });
  expect("calls without a real address", noAddress.length, 0);
  const [composed] = rowsOf<{ variants: number; recommended: number; recapped: number }>(
    await db.execute(sql`select
      count(*) filter (where d.variant in ('A', 'B', 'C'))::int as variants,
      count(*) filter (where r.key = 'week'
        and jsonb_array_length(d.content->'recommendations') = 3)::int as recommended,
      count(*) filter (where r.key = 'streak_lost' and d.channel = 'zalo'
        and d.content::text like '%practised 3 days in a row%')::int as recapped
    from deliveries d join reminders r on r.id = d.reminder_id
    where d.status = 'sent' and d.first_attempt_at = ${SEND_AT.toISOString()}::timestamptz`),
  );
  return composed!;
}

type Row = { name: string; n: number; ms: number; unit: string; rssMb: number; cpu: PhaseCpu };

async function main() {
  console.log(
    `engine benchmark on ${serverUrl ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite"}: ` +
      `${fmt(total)} contacts, ${fmt(due)} due, batches of ${batch}, ${workers} worker(s) planning and sending`,
  );
  const handle = await openBenchDatabase();
  const { db } = handle;
  const rows: Row[] = [];
  // Each phase's figure as soon as it is measured, then the table at the end.
  const done = (row: Row) => {
    rows.push(row);
    console.log(
      `${row.name}: ${fmt(row.n)} in ${(row.ms / 1000).toFixed(1)} s, ${fmt(perSecond(row.n, row.ms))} ${row.unit}, peak RSS ${fmt(row.rssMb)} MB, CPU per 1,000 ${cpuPer1000(row)}`,
    );
  };
  let sendStatements: Awaited<ReturnType<typeof timingStatements>>["statements"] = [];
  let planStatements: typeof sendStatements = [];
  const profiled: { summary?: ProfileSummary } = {};
  const serverStatements: Record<string, ServerStatement[]> = {};
  const counting = serverUrl ? await countsStatements(db) : false;
  /** Runs a phase, with its statements' server time when the server counts them. */
  const onServer = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    if (!counting) return fn();
    const { value, statements } = await serverTiming(db, fn);
    serverStatements[name] = statements;
    return value;
  };
  let composed: Awaited<ReturnType<typeof checkMessages>> | null = null;
  try {
    const seeded = await phase(() => seedReachableWorkspace(db, total, due));
    const workspace = seeded.value;
    console.log(`seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
    await findDueContacts(db, DUE_AT, 5_000);
    const scan = await phase(() => findDueContacts(db, DUE_AT, 5_000));
    expect("scan found", scan.value.length, Math.min(5_000, due));

    // Plan.
    const planning = await onServer("plan", () => phase(() => timingStatements(() => plan(db))));
    planStatements = planning.value.statements;
    const planned = planning.value.value;
    done({
      name: "plan",
      n: planned,
      ms: planning.ms,
      unit: "contacts/s",
      rssMb: planning.peakRssMb,
      cpu: planning.cpu,
    });
    expect("planned", planned, due);
    const afterPlan = await ledger(db);
    const perChannel = CHANNELS.length;
    expect(
      "pending streak_lost deliveries",
      afterPlan.stage("streak_lost"),
      workspace.streakLost * perChannel,
    );
    expect("pending week deliveries", afterPlan.stage("week"), workspace.week * perChannel);
    expect("pending deliveries", afterPlan.status("pending"), due * CHANNELS.length);

    // Send, with real composition.
    const provider = recordingProvider();
    const sendPhase = () => timingStatements(() => send(db, provider));
    const sending = await onServer("send", () =>
      phase(async () => {
        if (!profile) return sendPhase();
        const run = await profiling(".data/bench", `send-${handle.driver}`, sendPhase);
        profiled.summary = run.profile;
        return run.value;
      }),
    );
    sendStatements = sending.value.statements;
    const { sent, outcomes, batches } = sending.value.value;
    console.log(`send batches per worker: ${batches.join(" / ")}`);
    done({
      name: "send (real composition)",
      n: sent,
      ms: sending.ms,
      unit: "deliveries/s",
      rssMb: sending.peakRssMb,
      cpu: sending.cpu,
    });
    expect("sent", sent, planned * CHANNELS.length);
    expect("provider calls", provider.calls.length, planned * CHANNELS.length);
    // Concurrent senders never send one delivery twice (SPEC §2: exactly once).
    const distinct = new Set(provider.calls.map((c) => c.deliveryId)).size;
    expect("duplicate provider calls", provider.calls.length - distinct, 0);
    const afterSend = await ledger(db);
    expect(
      "deliveries sent in the ledger",
      afterSend.status("sent") - afterPlan.status("sent"),
      planned * CHANNELS.length,
    );
    composed = await checkMessages(db, provider);
    expect("sent with an approved variant", composed.variants, planned * CHANNELS.length);
    expect(
      "week messages with 3 recommendations",
      composed.recommended,
      workspace.week * CHANNELS.length,
    );
    expect("streak_lost Zalo messages with a recap", composed.recapped, workspace.streakLost);
    if (sent === 0) console.log(`outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);

    // The ceiling: a plain-SQL claim-and-record of as many rows.
    await prepareCeiling(db, SEND_AT, sent);
    const ceiling = await phase(() => runCeiling(db, SEND_AT, batch));
    expect("ceiling rows", ceiling.value, sent);
    done({
      name: "ceiling: plain-SQL claim + record",
      n: ceiling.value,
      ms: ceiling.ms,
      unit: "rows/s",
      rssMb: ceiling.peakRssMb,
      cpu: ceiling.cpu,
    });

    // The activity API over HTTP: the due contacts come back (closing their cycles), and
    // active learners practise.
    const at = new Date(SEND_AT.getTime() + 30 * 60_000).toISOString();
    const now = new Date(SEND_AT.getTime() + 60 * 60_000);
    const activity: ActivityRow[] = Array.from({ length: events }, (_, i) => ({
      externalId: `bench-${i}`,
      contactExternalId: `c${(i * 7_919) % total}`,
      kind: "exercise_completed" as const,
      occurredAt: at,
      ...(i % 2 === 0 ? { exerciseExternalId: "ex-1-1-1" } : {}),
    }));
    const [before] = await db.select({ n: count() }).from(activityEvents);
    const server = await startActivityServer(db, now);
    const ingest = await phase(() =>
      postActivity(db, workspace.tenantId, server.url, activity, workers),
    );
    await server.close();
    const [after] = await db.select({ n: count() }).from(activityEvents);
    expect("events stored", ingest.value, events);
    expect("activity rows added", after!.n - before!.n, events);
    const [moved] = await db
      .select({ n: count() })
      .from(contacts)
      .where(
        and(eq(contacts.tenantId, workspace.tenantId), eq(contacts.lastActivityAt, new Date(at))),
      );
    expect(
      "contacts whose last activity moved",
      moved!.n,
      new Set(activity.map((a) => a.contactExternalId)).size,
    );
    done({
      name: "activity API over HTTP",
      n: ingest.value,
      ms: ingest.ms,
      unit: "events/s",
      rssMb: ingest.peakRssMb,
      cpu: ingest.cpu,
    });
  } finally {
    await handle.close();
  }

  // A simulated year on the same database: a scratch one on the server with the same workers, or
  // a fresh in-memory PGlite. Node's CPU only: the year's database is gone when the phase ends.
  if (simContacts > 0) {
    countBackendCpuOf(null);
    const year = await phase(() => simulateYear(simContacts, serverUrl, workers));
    const { sent, deliveries: planned, digest } = year.value;
    if (sent === 0 || planned === 0) failures.push(`simulated year sent ${sent} of ${planned}`);
    const recorded = RECORDED_YEARS[simContacts];
    if (recorded && (recorded.deliveries !== planned || recorded.sent !== sent)) {
      failures.push(
        `simulated year: ${planned} deliveries and ${sent} sent, recorded ${recorded.deliveries} and ${recorded.sent}`,
      );
    }
    const note = ` (report digest ${digest})`;
    console.log(
      `simulated year of ${fmt(simContacts)}: ${fmt(planned)} deliveries, ${fmt(sent)} sent${note}`,
    );
    done({
      name: `simulated year, ${fmt(simContacts)} contacts`,
      n: sent,
      ms: year.ms,
      unit: "sends/s",
      rssMb: year.peakRssMb,
      cpu: year.cpu,
    });
  }

  const ceilingRow = rows.find((r) => r.name.startsWith("ceiling"));
  const ceilingRate = ceilingRow ? perSecond(ceilingRow.n, ceilingRow.ms) : NaN;
  console.log("\n| phase | rows | time | rate | ÷ ceiling | peak RSS | CPU per 1,000 |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) {
    const rate = perSecond(r.n, r.ms);
    console.log(
      `| ${r.name} | ${fmt(r.n)} | ${(r.ms / 1000).toFixed(1)} s | ${fmt(rate)} ${r.unit} | ${(rate / ceilingRate).toFixed(3)} | ${fmt(r.rssMb)} MB | ${cpuPer1000(r)} |`,
    );
  }
  if (composed) {
    console.log(
      `\nmessages: ${fmt(composed.variants)} from approved variants, ${fmt(composed.recommended)} with 3 recommendations, ${fmt(composed.recapped)} Zalo recaps`,
    );
  }
  printStatements("plan", planStatements, rows.find((r) => r.name === "plan")?.ms ?? 0);
  printStatements("send", sendStatements, rows.find((r) => r.name.startsWith("send"))?.ms ?? 0);
  for (const [name, list] of Object.entries(serverStatements)) {
    printServerStatements(
      name,
      list,
      rows.find((r) => r.name.startsWith(name))!,
    );
  }
  if (profiled.summary) printProfile(profiled.summary);
  if (failures.length > 0) {
    console.error(`\nFAILED:\n- ${failures.join("\n- ")}`);
    process.exit(1);
  }
}

function printStatements(
  name: string,
  list: { kind: string; calls: number; ms: number }[],
  wallMs: number,
) {
  if (list.length === 0) return;
  const sum = list.reduce((s, x) => s + x.ms, 0);
  console.log(
    `\n${name}: SQL statements as the client timed them, ${fmt(sum)} ms in all (${((sum / wallMs) * 100).toFixed(0)}% of the phase's ${fmt(wallMs)} ms)`,
  );
  console.log("| share of phase | ms | calls | statement |\n| ---: | ---: | ---: | --- |");
  for (const s of list.slice(0, 12))
    console.log(
      `| ${((s.ms / wallMs) * 100).toFixed(1)}% | ${fmt(s.ms)} | ${s.calls} | \`${s.kind.replaceAll("|", "\\|")}\` |`,
    );
}

/** Statements by the server's own time, against the server CPU its backends used in the phase. */
function printServerStatements(name: string, list: ServerStatement[], row: Row) {
  const sum = list.reduce((s, x) => s + x.ms, 0);
  const cpu = row.cpu.serverMs;
  console.log(
    `\n${name}: server time by statement (pg_stat_statements), ${fmt(sum)} ms in all, ` +
      `${fmt((sum / row.n) * 1000)} ms per 1,000${cpu === null ? "" : ` (server CPU ${fmt((cpu / row.n) * 1000)} ms per 1,000)`}`,
  );
  console.log(
    "| share | ms | per 1,000 | calls | statement |\n| ---: | ---: | ---: | ---: | --- |",
  );
  for (const s of list.slice(0, 14)) {
    console.log(
      `| ${((s.ms / sum) * 100).toFixed(1)}% | ${fmt(s.ms)} | ${((s.ms / row.n) * 1000).toFixed(1)} | ${s.calls} | \`${s.query.replaceAll("|", "\\|")}\` |`,
    );
  }
}

function printProfile(p: ProfileSummary) {
  console.log(
    `\nsend: CPU profile (${p.file}), ${fmt(p.totalMs)} ms sampled; self time by where the code lives`,
  );
  console.log("| share | ms | where |\n| ---: | ---: | --- |");
  for (const g of p.groups.slice(0, 12))
    console.log(`| ${((g.ms / p.totalMs) * 100).toFixed(1)}% | ${fmt(g.ms)} | ${g.name} |`);
  console.log("\nsend: top functions by self time");
  console.log("| share | ms | function |\n| ---: | ---: | --- |");
  for (const f of p.functions.slice(0, 20))
    console.log(`| ${((f.ms / p.totalMs) * 100).toFixed(1)}% | ${fmt(f.ms)} | \`${f.name}\` |`);
}

await main();
process.exit(0);
