import { sql } from "drizzle-orm";
import pMap from "p-map";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { asIndexWalk } from "@/db/index-walk";
import type { ChannelProvider, OutgoingMessage } from "../channels/provider";
import { dispatchDueOf } from "../steps/dispatch";
import { planContacts } from "../steps/plan";
import { sendDeliveries } from "../steps/send";
import { applyEvents, type ContactEvent } from "./apply-event";
import { withEventsInFlight, type InFlight } from "./events-in-flight";

const PLAN_BATCH = 1_000;
const SEND_BATCH = 500;
/** Engine steps of one contact at one instant before it counts as not settling. */
const MAX_REPEATS = 5;

type Step = "event" | "plan" | "send";
type Due = { check?: Date; send?: Date };

/**
 * What contacts do in answer to a message that reached them (the demo's year of history): the
 * events it brings about, each after `at`, the instant of the provider call. They join the
 * contact's queue as if they had been scheduled from the start.
 */
export type Reactions = (message: OutgoingMessage, at: Date) => ContactEvent[];

/**
 * Runs the engine from `start` until before `end` with a clock per contact. Each round, every
 * contact takes its own next step at its own instant: its next scenario event, planning or
 * sending, whichever is due first (at one instant an event comes before the engine's work, and
 * planning before sending, as when the world shares one clock). The round runs each kind of step
 * for all contacts as one batch. No rule couples two contacts, so this replays what one shared
 * clock would produce, in a few hundred batches instead of one per instant at which anyone has
 * something due. `events` are sorted by time and lie in [start, end). With `inFlight`, provider
 * calls take time and the contact's events due meanwhile arrive during them; with `react`, each
 * successful provider call may add events to come (those from `end` on are left out). With
 * `workers` above 1, a round's batches run that many at a time, each on its own connection: a
 * round's steps concern distinct contacts, so they may (on a database server, not PGlite).
 */
export async function runContactClocks(
  db: Db,
  provider: ChannelProvider,
  events: ContactEvent[],
  start: Date,
  end: Date,
  {
    inFlight,
    react,
    workers = 1,
  }: { inFlight?: InFlight; react?: Reactions; workers?: number } = {},
): Promise<void> {
  const queues = new Map<string, ContactEvent[]>();
  for (const e of events) enqueue(queues, e);
  const clocks = new Map<string, { now: Date; repeats: number }>();
  for (;;) {
    const due = await dueByContact(db, end);
    const round: Record<Step, Map<string, Date>> = {
      event: new Map(),
      plan: new Map(),
      send: new Map(),
    };
    for (const id of new Set([...due.keys(), ...queues.keys()])) {
      const next = nextStep(queues.get(id)?.[0], due.get(id) ?? {}, end);
      if (!next) continue;
      const clock = clocks.get(id) ?? { now: start, repeats: 0 };
      const now = next.at > clock.now ? next.at : clock.now;
      const repeats = next.step === "event" || now > clock.now ? 0 : clock.repeats + 1;
      if (repeats > MAX_REPEATS)
        throw new Error(`The engine does not settle for contact ${id} at ${now.toISOString()}`);
      clocks.set(id, { now, repeats });
      round[next.step].set(id, now);
    }
    if (round.event.size + round.plan.size + round.send.size === 0) return;
    const arriving = [...round.event.keys()].map((id) => queues.get(id)!.shift()!);
    const sendAt = (id: string) => round.send.get(id)!;
    const timed = inFlight
      ? withEventsInFlight(db, provider, inFlight, (id) => queues.get(id), sendAt)
      : provider;
    const calls = react
      ? reacting(timed, react, sendAt, (e) => {
          if (Date.parse(e.event.at) < end.getTime()) enqueue(queues, e);
        })
      : timed;
    const batches: (() => Promise<unknown>)[] = [
      () => applyEvents(db, arriving),
      ...chunks([...round.plan.keys()], batchSize(round.plan.size, PLAN_BATCH, workers)).map(
        (ids) => () => planContacts(db, ids, (id) => round.plan.get(id)!),
      ),
      ...chunks([...round.send.keys()], batchSize(round.send.size, SEND_BATCH, workers)).map(
        (ids) => async () => {
          const claimed = await dispatchDueOf(db, new Map(ids.map((id) => [id, sendAt(id)])));
          await sendDeliveries(
            db,
            calls,
            claimed.map((d) => d.id),
            sendAt,
          );
        },
      ),
    ];
    await pMap(batches, (run) => run(), { concurrency: workers });
  }
}

/** Batches of at most `max`, small enough that every worker gets one. */
const batchSize = (count: number, max: number, workers: number) =>
  Math.max(1, Math.min(max, Math.ceil(count / workers)));

/** Adds an event to its contact's queue, keeping the queue sorted by time (stable on ties). */
function enqueue(queues: Map<string, ContactEvent[]>, e: ContactEvent): void {
  const queue = queues.get(e.contactId) ?? [];
  queues.set(e.contactId, queue);
  const at = Date.parse(e.event.at);
  let i = queue.length;
  while (i > 0 && Date.parse(queue[i - 1]!.event.at) > at) i--;
  queue.splice(i, 0, e);
}

/** `provider`, telling `react` of every call that succeeded and queueing what it brings about. */
function reacting(
  provider: ChannelProvider,
  react: Reactions,
  at: (contactId: string) => Date,
  add: (e: ContactEvent) => void,
): ChannelProvider {
  return {
    async send(message, options) {
      const sent = await provider.send(message, options);
      for (const e of react(message, at(message.contactId))) add(e);
      return sent;
    },
  };
}

/** A contact's next step: its next event, planning or sending, whichever comes first. */
function nextStep(event: ContactEvent | undefined, due: Due, end: Date) {
  const candidates: { step: Step; at: Date }[] = [
    ...(event ? [{ step: "event" as const, at: new Date(event.event.at) }] : []),
    ...(due.check ? [{ step: "plan" as const, at: due.check }] : []),
    ...(due.send ? [{ step: "send" as const, at: due.send }] : []),
  ];
  // Stable: on a tie the earlier kind in the list wins.
  const first = candidates.reduce<(typeof candidates)[number] | null>(
    (a, b) => (a && a.at <= b.at ? a : b),
    null,
  );
  return first && first.at < end ? first : null;
}

/** Each contact's next check and earliest due send before `end`. One query. */
async function dueByContact(db: Db, end: Date): Promise<Map<string, Due>> {
  const until = end.toISOString();
  const result = await db.transaction((tx) =>
    asIndexWalk(tx, () =>
      tx.execute(sql`
    select contact_id as contact, next_check_at as at, 'check' as kind from contact_checks
      where next_check_at < ${until}::timestamptz
    union all
    select contact_id, min(next_attempt_at), 'send' from deliveries
      where status in ('pending', 'sending') and next_attempt_at < ${until}::timestamptz
      group by contact_id`),
    ),
  );
  const due = new Map<string, Due>();
  for (const row of rowsOf<{ contact: string; at: string | Date; kind: "check" | "send" }>(
    result,
  )) {
    due.set(row.contact, { ...due.get(row.contact), [row.kind]: new Date(row.at) });
  }
  return due;
}

function chunks<T>(list: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  );
}
