import { and, arrayContains, asc, count, eq, ilike, not, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { line } from "@/server/lib/bounded";
import { containsPattern } from "@/server/lib/like-pattern";
import { contacts } from "@/db/schema";
import { channelStateFilter, inChannelState } from "./channel-state-filter";
import { needsAttention } from "./needing-attention";
import { reachedStage, reachedStageKey } from "./stage-reached";

export const listContactsInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(5).max(100).default(25),
  search: line(200).optional(),
  tag: line(100).min(1).optional(),
  /** Only contacts without this tag (e.g. everyone not tagged `do-not-contact`). */
  withoutTag: line(100).min(1).optional(),
  /** Only contacts that reached this stage (a stage key, or `recurring`) in any cycle. */
  reached: reachedStageKey.optional(),
  /** Only contacts in this state on this channel. */
  channelState: channelStateFilter.optional(),
  /** Only contacts whose last activity is more than N local days ago, in their own zone. */
  inactiveMoreThanDays: z.number().int().min(0).max(99_999).optional(),
  /** Only contacts the engine failed on and set aside. */
  needsAttention: z.boolean().optional(),
});
export type ListContactsInput = z.input<typeof listContactsInput>;

/** Days between the local dates of `now` and the last activity, in the contact's zone. */
function inactiveDaysSql(now: Date, tenantTimeZone: string): SQL<number | null> {
  const zone = sql`coalesce(${contacts.timeZone}, ${tenantTimeZone})`;
  return sql<number | null>`((${now.toISOString()}::timestamptz at time zone ${zone})::date
    - (${contacts.lastActivityAt} at time zone ${zone})::date)`;
}

export async function listContacts(
  db: Db,
  tenant: { id: string; timeZone: string },
  rawInput: ListContactsInput,
  now: Date,
) {
  const input = listContactsInput.parse(rawInput);
  const inactiveDays = inactiveDaysSql(now, tenant.timeZone);
  const where = and(
    eq(contacts.tenantId, tenant.id),
    input.search ? matchesSearch(input.search) : undefined,
    input.tag ? arrayContains(contacts.tags, [input.tag]) : undefined,
    input.withoutTag ? not(arrayContains(contacts.tags, [input.withoutTag])) : undefined,
    input.reached ? reachedStage(input.reached) : undefined,
    input.channelState ? inChannelState(input.channelState) : undefined,
    input.inactiveMoreThanDays === undefined
      ? undefined
      : sql`${inactiveDays} > ${input.inactiveMoreThanDays}`,
    input.needsAttention ? needsAttention : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: contacts.id,
        externalId: contacts.externalId,
        name: contacts.name,
        email: contacts.email,
        phone: contacts.phone,
        timeZone: contacts.timeZone,
        tags: contacts.tags,
        channels: contacts.channels,
        lastActivityAt: contacts.lastActivityAt,
        inactiveDays,
      })
      .from(contacts)
      .where(where)
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(contacts).where(where),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      inactiveDays: r.inactiveDays === null ? null : Number(r.inactiveDays),
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

function matchesSearch(search: string): SQL | undefined {
  const pattern = containsPattern(search);
  return or(
    ilike(contacts.name, pattern),
    ilike(contacts.email, pattern),
    eq(contacts.externalId, search),
  );
}

/** Every tag in use in the tenant, for the filter menu. */
export async function listContactTags(db: Db, tenantId: string): Promise<string[]> {
  const tag = sql<string>`unnest(${contacts.tags})`;
  const rows = await db
    .selectDistinct({ tag })
    .from(contacts)
    .where(eq(contacts.tenantId, tenantId))
    .orderBy(asc(tag));
  return rows.map((r) => r.tag);
}
