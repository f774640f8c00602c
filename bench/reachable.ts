// The workspace `npm run bench` measures: one self-study workspace (web push + Zalo, the
// preset's channels) whose contacts are reachable on both channels — a Zalo user id on the
// contact and a push subscription row — with the demo's approved variants, an exercise catalog
// and a practice history, so a send composes what a real workspace sends: a picked variant, a
// recap (streak_lost) or three recommendations (week), short links.
import { and, count, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { insertInChunks } from "@/db/bulk";
import { presetFor } from "@/db/presets";
import { contacts, templateRevisions, templates, users } from "@/db/schema";
import { demoTemplateRows, demoVariants } from "@/db/seed/templates";
import { localMidnight } from "@/server/engine/time";
import { dispatchDue } from "@/server/engine/steps/dispatch";
import { scanDue } from "@/server/engine/steps/scan";
import { sendDeliveries } from "@/server/engine/steps/send";
import { BENCH_ZONE, insertBenchTenant } from "./bench-tenant";
import { recordingProvider } from "./recording-provider";

/** The local midnight at which the due contacts cross a stage. */
export const DUE_AT = localMidnight("2026-03-03", BENCH_ZONE);
/** 08:00 local, the end of the quiet hours: when the planned deliveries are due. */
export const SEND_AT = new Date(DUE_AT.getTime() + 8 * 3_600_000);
/** When the `week` contacts crossed `streak_lost`, and 08:00 local that day. */
const WARM_UP_AT = localMidnight("2026-02-26", BENCH_ZONE);
const WARM_UP_SEND_AT = new Date(WARM_UP_AT.getTime() + 8 * 3_600_000);
/** The channels each due contact is planned on (the self-study preset's). */
export const CHANNELS = presetFor("self_study").channels;

const PROGRAMS = ["ielts", "toeic", "kids", "business"];
const SKILLS = ["listening", "speaking", "reading", "writing", "grammar"];

export type BenchWorkspace = { tenantId: string; streakLost: number; week: number };

/**
 * Seeds `total` contacts, `due` of them due at `DUE_AT`: half cross `streak_lost` (last active
 * two local days before, with a three-day practice streak behind them), half `week` (last active
 * seven days before; their `streak_lost` reminder went out on Feb 26, planned and sent by the
 * engine itself in `warmUp`, so their cycle has the history a real one has). The others are
 * active and due a day later.
 */
export async function seedReachableWorkspace(
  db: Db,
  total: number,
  due: number,
): Promise<BenchWorkspace> {
  if (due > total) throw new Error(`BENCH_DUE (${due}) exceeds BENCH_CONTACTS (${total})`);
  const tenant = await insertBenchTenant(db);
  await insertApprovedVariants(db, tenant.id);
  await insertCatalog(db, tenant.id);
  // Every (total / due)-th contact is due, so the due ones spread over the table.
  const every = total / due;
  const isDue = (i: number) => Math.floor(i / every) !== Math.floor((i + 1) / every);
  const at = (day: string) => new Date(`${day}T05:00:00Z`); // noon local
  let dueSeen = 0;
  const rows = Array.from({ length: total }, (_, i) => {
    const dueHere = isDue(i);
    const stage = dueHere ? (dueSeen++ % 2 === 0 ? "streak_lost" : "week") : null;
    return {
      tenantId: tenant.id,
      externalId: `c${i}`,
      name: `Nguyễn Văn ${i}`,
      timeZone: BENCH_ZONE,
      zaloUserId: `zalo-${i}`,
      program: PROGRAMS[i % PROGRAMS.length]!,
      lastSkill: SKILLS[i % SKILLS.length]!,
      tags: stage ? [`due:${stage}`] : [],
      channels: { web_push: "subscribed" as const, zalo: "subscribed" as const },
      lastActivityAt:
        stage === "streak_lost"
          ? at("2026-03-01")
          : stage === "week"
            ? at("2026-02-24")
            : at("2026-03-02"),
      nextCheckAt:
        stage === "streak_lost"
          ? DUE_AT
          : stage === "week"
            ? WARM_UP_AT
            : localMidnight("2026-03-04", BENCH_ZONE),
    };
  });
  for (let i = 0; i < rows.length; i += 50_000)
    await insertInChunks(db, contacts, rows.slice(i, i + 50_000));
  // One browser subscription per contact, the shape `PushSubscription.toJSON()` gives.
  await db.execute(sql`insert into push_subscriptions (tenant_id, contact_id, endpoint, p256dh, auth)
    select tenant_id, id, 'https://fcm.googleapis.com/fcm/send/' || external_id,
      'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
      'tBHItJI5svbpez7KI4CCXg'
    from contacts where tenant_id = ${tenant.id}`);
  // The streak behind each streak_lost contact: an exercise on each of the three days before.
  await db.execute(sql`insert into activity_events
      (tenant_id, contact_id, external_id, kind, occurred_at, exercise_id)
    select c.tenant_id, c.id, c.external_id || '-' || d.n, 'exercise_completed',
      c.last_activity_at - (d.n || ' days')::interval,
      (select e.id from exercises e where e.tenant_id = c.tenant_id order by e.external_id
        offset (d.n + length(c.external_id)) % 20 limit 1)
    from contacts c cross join generate_series(0, 2) as d(n)
    where c.tenant_id = ${tenant.id} and 'due:streak_lost' = any(c.tags)`);
  const streakLost = Math.ceil(due / 2);
  const week = due - streakLost;
  await warmUp(db, week);
  // The engine put each warmed-up contact's next check at its `week` milestone: DUE_AT.
  const [dueNow] = await db
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.tenantId, tenant.id), eq(contacts.nextCheckAt, DUE_AT)));
  if (dueNow!.n !== due)
    throw new Error(`${dueNow!.n} contacts due at ${DUE_AT.toISOString()}, not ${due}`);
  return { tenantId: tenant.id, streakLost, week };
}

/** The `week` contacts' first reminder, through the engine: planned and sent on Feb 26. */
async function warmUp(db: Db, expected: number) {
  let planned = 0;
  for (let n = -1; n !== 0; planned += n) n = (await scanDue(db, WARM_UP_AT, 1_000)).planned;
  let sent = 0;
  const provider = recordingProvider();
  for (;;) {
    const claimed = await dispatchDue(db, WARM_UP_SEND_AT, 1_000);
    if (claimed.length === 0) break;
    const ids = claimed.map((d) => d.id);
    const results = await sendDeliveries(db, provider, ids, WARM_UP_SEND_AT);
    sent += [...results.values()].filter((r) => r === "sent").length;
  }
  const wanted = expected * CHANNELS.length;
  if (planned !== expected || sent !== wanted) {
    throw new Error(`warm-up planned ${planned} of ${expected}, sent ${sent} of ${wanted}`);
  }
}

/** The demo's three approved variants per stage × channel, written and approved by two users. */
async function insertApprovedVariants(db: Db, tenantId: string) {
  const [author, reviewer] = await db
    .insert(users)
    .values([
      { email: "author@bench.example", name: "Author" },
      { email: "reviewer@bench.example", name: "Reviewer" },
    ])
    .returning({ id: users.id });
  const settings = presetFor("self_study");
  const stages = settings.cadence.stages.map((s) => s.key);
  if (settings.cadence.recurringEveryDays) stages.push("recurring");
  const rows = demoTemplateRows(
    tenantId,
    demoVariants("self_study", stages, settings.channels),
    { author: author!.id, reviewer: reviewer!.id },
    new Date("2026-01-01T00:00:00Z"),
    () => crypto.randomUUID(),
  );
  await insertInChunks(db, templates, rows.templates);
  await insertInChunks(db, templateRevisions, rows.revisions);
}

/** 20 exercises per program × skill, some published within the fresh window. */
async function insertCatalog(db: Db, tenantId: string) {
  await db.execute(sql`insert into exercises
      (tenant_id, external_id, program, skill, title, published_at, popularity)
    select ${tenantId}, 'ex-' || p || '-' || s || '-' || n,
      (string_to_array(${PROGRAMS.join(",")}, ','))[p],
      (string_to_array(${SKILLS.join(",")}, ','))[s], 'Exercise ' || p || '.' || s || '.' || n,
      timestamptz '2026-03-02 00:00Z' - (n * 5 || ' days')::interval, (n * 37 + p * 11 + s) % 100
    from generate_series(1, ${PROGRAMS.length}) p, generate_series(1, ${SKILLS.length}) s,
      generate_series(1, 20) n`);
}
