import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/test/db";
import { callerFor, createExercise, createMember, createTenant } from "@/test/factories";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const zalo = (text: string) => ({ channel: "zalo" as const, text: `${text} {{preferences_link}}` });

/** SPEC §3 Audit log: template submissions and reviews, pins and API keys, with who and what. */
describe("the audit log records who changed templates, pins and API keys", () => {
  it("a submission, an approval, pins and a key's life, in words", async () => {
    const { db } = handle;
    const tenant = await createTenant(db, "self_study", "Asia/Ho_Chi_Minh");
    const [author, reviewer, owner] = await Promise.all([
      createMember(db, tenant.id, ["marketer"]),
      createMember(db, tenant.id, ["marketer"]),
      createMember(db, tenant.id, ["owner"]),
    ]);
    const [writes, reviews, owns] = [author, reviewer, owner].map((m) =>
      callerFor(db, m.id, tenant.id),
    );
    const { template, revision } = await writes!.templates.create({
      stage: "week",
      channel: "zalo",
      ctaKind: "explore_new",
      content: zalo("New for you {{exercises}} {{cta_link}}"),
    });
    await writes!.templates.review({ revisionId: revision.id, action: "submit", comment: null });
    await reviews!.templates.review({
      revisionId: revision.id,
      action: "approve",
      comment: "Clear and short",
    });
    const exercise = await createExercise(db, tenant.id, { title: "Listening drill 4" });
    await writes!.templates.setPins({ templateId: template.id, exerciseIds: [exercise.id] });
    const key = await owns!.apiKeys.create({ name: "CRM sync" });
    await owns!.apiKeys.revoke({ id: key.id });

    const entries = (await owns!.audit.list({})).reverse();
    expect(entries.map((e) => [e.kind, e.summary])).toEqual([
      ["template", "Submitted for review: variant A of week × zalo (revision 1)"],
      ["template", "Approved: variant A of week × zalo (revision 1)"],
      ["pin", "Pinned 1 exercise to variant A of week × zalo"],
      [
        "api_key",
        `Created the API key “CRM sync” (${key.prefix}…) as analyst with contacts, activity, exercises, push_subscriptions`,
      ],
      ["api_key", `Revoked the API key “CRM sync” (${key.prefix}…)`],
    ]);
    expect(entries[1]!.actor).toMatch(/\(marketer\)$/);
    expect(entries[1]!.data).toMatchObject({ comment: "Clear and short", action: "approve" });
    expect(entries[2]!.data).toMatchObject({ pinned: ["Listening drill 4"] });
    // The key itself is never in the log.
    expect(JSON.stringify(entries)).not.toContain(key.key);
  });
});
