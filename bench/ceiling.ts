// The ceiling `npm run bench` compares against: what the same database does for a plain-SQL
// claim-and-record of the same number of rows, with no engine around it. A copy of the run's
// deliveries (same columns and indexes) is made pending again; then, per batch, one transaction
// claims `batch` due rows with `FOR UPDATE SKIP LOCKED`, marks them sent and inserts one row per
// claimed row into a scratch table — the least any send step has to do.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

/** Copies the deliveries (`rows` of them) into a scratch queue, due at `dueAt`. */
export async function prepareCeiling(db: Db, dueAt: Date, rows: number): Promise<void> {
  await db.execute(sql`drop table if exists bench_ceiling_queue, bench_ceiling_log`);
  await db.execute(
    sql`create table bench_ceiling_queue (like deliveries including defaults including indexes)`,
  );
  await db.execute(sql`create table bench_ceiling_log (
    id uuid primary key default gen_random_uuid(), delivery_id uuid not null,
    recorded_at timestamptz not null)`);
  await db.execute(sql`insert into bench_ceiling_queue
    select * from deliveries order by id limit ${rows}`);
  await db.execute(sql`update bench_ceiling_queue set status = 'pending',
    next_attempt_at = ${dueAt.toISOString()}::timestamptz, finished_at = null`);
  await db.execute(sql`analyze bench_ceiling_queue`);
}

/** Claims and records every row of the queue, `batch` at a time; returns how many. */
export async function runCeiling(db: Db, now: Date, batch: number): Promise<number> {
  let done = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const claimed = rowsOf<{ id: string }>(
        await tx.execute(sql`update bench_ceiling_queue set status = 'sent',
            finished_at = ${now.toISOString()}::timestamptz
          where id in (select id from bench_ceiling_queue
            where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
            order by next_attempt_at limit ${batch} for update skip locked)
          returning id`),
      );
      if (claimed.length === 0) return 0;
      await tx.execute(sql`insert into bench_ceiling_log (delivery_id, recorded_at)
        select id::uuid, ${now.toISOString()}::timestamptz
        from json_array_elements_text(${JSON.stringify(claimed.map((c) => c.id))}::json) as id`);
      return claimed.length;
    });
    if (n === 0) return done;
    done += n;
  }
}
