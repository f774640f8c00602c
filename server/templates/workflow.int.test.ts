import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { templateRevisions, tenantSettings } from "@/db/schema";
import { smsSegments } from "@/server/content/sms";
import { env } from "@/server/env";
import { linkLength } from "@/server/links/link-id";
import { presetFor } from "@/db/presets";
import { callerFor, createContact, createMember, createTenant } from "@/test/factories";
import { openTestDb } from "@/test/db";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? `${error.code}: ${error.message}` : String(error);
  }
}

const sms = (text: string) => ({ channel: "sms" as const, text });
const draft = { stage: "six_months", channel: "sms" as const, ctaKind: "book_now" };

async function workspace(allowSelfApproval = false) {
  const { db } = handle;
  const tenant = await createTenant(db, "home_services");
  await db
    .update(tenantSettings)
    .set({ settings: { ...presetFor("home_services"), allowSelfApproval } })
    .where(eq(tenantSettings.tenantId, tenant.id));
  const [writer, reviewer, owner, analyst] = await Promise.all([
    createMember(db, tenant.id, ["marketer"]),
    createMember(db, tenant.id, ["marketer"]),
    createMember(db, tenant.id, ["owner"]),
    createMember(db, tenant.id, ["analyst"]),
  ]);
  const as = (user: { id: string }) => callerFor(db, user.id, tenant.id);
  return {
    tenant,
    writer: as(writer),
    reviewer: as(reviewer),
    owner: as(owner),
    analyst: as(analyst),
    writerId: writer.id,
  };
}

describe("template approval (SPEC §1.6)", () => {
  it("draft → in review → approved by another marketer puts the revision in use", async () => {
    const { writer, reviewer } = await workspace();
    const { template, revision } = await writer.templates.create({
      ...draft,
      content: sms("Time for a tune-up {{cta_link}}"),
    });
    expect(revision).toMatchObject({ number: 1, status: "draft" });
    await writer.templates.review({ revisionId: revision.id, action: "submit", comment: null });
    const approved = await reviewer.templates.review({
      revisionId: revision.id,
      action: "approve",
      comment: "Good",
    });
    expect(approved).toMatchObject({ status: "approved", reviewComment: "Good" });
    const detail = await writer.templates.variant({ templateId: template.id });
    expect(detail.template.approvedRevisionId).toBe(revision.id);
    expect(detail.revisions[0]).toMatchObject({
      status: "approved",
      reviewerEmail: expect.any(String),
    });
  });

  it("a marketer cannot approve their own revision unless the workspace allows self-approval", async () => {
    const strict = await workspace(false);
    const a = await strict.writer.templates.create({
      ...draft,
      content: sms("Hello {{cta_link}}"),
    });
    await strict.writer.templates.review({
      revisionId: a.revision.id,
      action: "submit",
      comment: null,
    });
    expect(
      await refusal(
        strict.writer.templates.review({
          revisionId: a.revision.id,
          action: "approve",
          comment: null,
        }),
      ),
    ).toMatch(/BAD_REQUEST: You wrote this revision/);
    const relaxed = await workspace(true);
    const b = await relaxed.writer.templates.create({
      ...draft,
      content: sms("Hello {{cta_link}}"),
    });
    await relaxed.writer.templates.review({
      revisionId: b.revision.id,
      action: "submit",
      comment: null,
    });
    expect(
      await relaxed.writer.templates.review({
        revisionId: b.revision.id,
        action: "approve",
        comment: null,
      }),
    ).toMatchObject({ status: "approved" });
  });

  it("an SMS longer than the send guard allows is refused on save and on submit, links counted as sent", async () => {
    const { writer } = await workspace();
    const tooLong = await refusal(
      writer.templates.create({ ...draft, content: sms(`${"x".repeat(1_580)} {{cta_link}}`) }),
    );
    expect(tooLong).toBe(
      "BAD_REQUEST: text: The SMS takes 11 segments as sent (links and the opt-out line included); at most 6 can be sent. Shorten it.",
    );
    // Six segments as written, seven once {{cta_link}} is a real short link.
    const text = `${"x".repeat(918 - 23 - 1 - linkLength(env.NEXTAUTH_URL) + 1)} {{cta_link}}`;
    expect(smsSegments(`${text} Reply STOP to opt out.`).segments).toBe(6);
    expect(await refusal(writer.templates.create({ ...draft, content: sms(text) }))).toMatch(
      /^BAD_REQUEST: text: The SMS takes 7 segments/,
    );
    // A draft stored before the rule is not sent for review.
    const { revision } = await writer.templates.create({
      ...draft,
      content: sms("Hi {{cta_link}}"),
    });
    await handle.db
      .update(templateRevisions)
      .set({ content: sms(text) })
      .where(eq(templateRevisions.id, revision.id));
    expect(
      await refusal(
        writer.templates.review({ revisionId: revision.id, action: "submit", comment: null }),
      ),
    ).toMatch(/^BAD_REQUEST: text: The SMS takes 7 segments/);
  });

  it("editing an approved variant makes a new revision needing review; the approved one stays in use, unchanged", async () => {
    const { writer, reviewer } = await workspace();
    const { template, revision } = await writer.templates.create({
      ...draft,
      content: sms("First {{cta_link}}"),
    });
    await writer.templates.review({ revisionId: revision.id, action: "submit", comment: null });
    await reviewer.templates.review({ revisionId: revision.id, action: "approve", comment: null });
    const edited = await writer.templates.saveDraft({
      templateId: template.id,
      ctaKind: "claim_offer",
      content: sms("Second {{cta_link}}"),
    });
    expect(edited).toMatchObject({ number: 2, status: "draft" });
    const detail = await writer.templates.variant({ templateId: template.id });
    expect(detail.template.approvedRevisionId).toBe(revision.id);
    expect(detail.revisions.find((r) => r.number === 1)?.content).toEqual(
      sms("First {{cta_link}}"),
    );
    // A draft is edited in place; a revision in review is not edited at all.
    expect(
      await writer.templates.saveDraft({
        templateId: template.id,
        ctaKind: "claim_offer",
        content: sms("Third {{cta_link}}"),
      }),
    ).toMatchObject({ number: 2 });
    await writer.templates.review({ revisionId: edited.id, action: "submit", comment: null });
    expect(
      await refusal(
        writer.templates.saveDraft({
          templateId: template.id,
          ctaKind: "book_now",
          content: sms("x {{cta_link}}"),
        }),
      ),
    ).toMatch(/in review/);
    expect(
      await refusal(
        reviewer.templates.review({ revisionId: edited.id, action: "reject", comment: " " }),
      ),
    ).toMatch(/comment is required/);
    expect(
      await reviewer.templates.review({
        revisionId: edited.id,
        action: "reject",
        comment: "Too pushy",
      }),
    ).toMatchObject({ status: "rejected" });
  });

  it("only the author submits or withdraws a revision", async () => {
    const { writer, reviewer } = await workspace();
    const { revision } = await writer.templates.create({
      ...draft,
      content: sms("Hi {{cta_link}}"),
    });
    expect(
      await refusal(
        reviewer.templates.review({ revisionId: revision.id, action: "submit", comment: null }),
      ),
    ).toMatch(/Only the revision's author can submit it/);
    await writer.templates.review({ revisionId: revision.id, action: "submit", comment: null });
    expect(
      await refusal(
        reviewer.templates.review({ revisionId: revision.id, action: "withdraw", comment: null }),
      ),
    ).toMatch(/Only the revision's author can withdraw it/);
  });

  it("only marketers write and review; analysts do not read templates", async () => {
    const { writer, owner, analyst } = await workspace();
    const { revision } = await writer.templates.create({
      ...draft,
      content: sms("Hi {{cta_link}}"),
    });
    expect(
      await refusal(owner.templates.create({ ...draft, content: sms("Hi {{cta_link}}") })),
    ).toMatch(/^FORBIDDEN/);
    expect(
      await refusal(
        owner.templates.review({ revisionId: revision.id, action: "submit", comment: null }),
      ),
    ).toMatch(/^FORBIDDEN/);
    expect(await refusal(analyst.templates.grid())).toMatch(/^FORBIDDEN/);
    expect((await owner.templates.grid()).variants).toHaveLength(1);
  });

  it("refuses unknown and missing placeholders with the name and the position", async () => {
    const { writer } = await workspace();
    expect(
      await refusal(
        writer.templates.create({ ...draft, content: sms("Hi {{frist_name}}, book now") }),
      ),
    ).toBe(
      "BAD_REQUEST: text: Unknown placeholder {{frist_name}} at line 1, column 4. Did you mean {{first_name}}? text: The SMS text must contain {{cta_link}}.",
    );
  });

  it("keeps at most four variants per stage × channel", async () => {
    const { writer } = await workspace();
    for (const _ of [1, 2, 3, 4])
      await writer.templates.create({ ...draft, content: sms("Hi {{cta_link}}") });
    expect(
      await refusal(writer.templates.create({ ...draft, content: sms("Hi {{cta_link}}") })),
    ).toMatch(/already has 4 variants/);
  });

  it("does not let one workspace see or review another's revisions", async () => {
    const a = await workspace();
    const b = await workspace();
    const { template, revision } = await a.writer.templates.create({
      ...draft,
      content: sms("Hi {{cta_link}}"),
    });
    expect(
      await refusal(
        b.reviewer.templates.review({ revisionId: revision.id, action: "submit", comment: null }),
      ),
    ).toMatch(/^NOT_FOUND/);
    expect(await refusal(b.writer.templates.variant({ templateId: template.id }))).toMatch(
      /^NOT_FOUND/,
    );
  });

  it("previews any variant for a contact, with the guard's verdict", async () => {
    const { tenant, writer } = await workspace();
    const contact = await createContact(handle.db, tenant.id, {
      name: "Maria Lopez",
      phone: "+13125550100",
    });
    const preview = await writer.templates.preview({
      stage: "six_months",
      channel: "sms",
      content: sms("Hi {{first_name}}! {{offer}} {{cta_link}}"),
      contactId: contact.id,
    });
    expect(preview.composed.ok).toBe(true);
    const message = preview.composed.ok ? preview.composed.content.message : null;
    expect(message).toMatchObject({
      channel: "sms",
      text: expect.stringMatching(/^Hi Maria! .* Reply STOP to opt out\.$/),
    });
    // Its link is as long as a sent one (SPEC §1.10: segments counted with the real link length).
    expect(message).toMatchObject({
      text: expect.stringMatching(/ http:\/\/localhost:3000\/r\/[0-9A-Za-z]{16} Reply STOP/),
    });
  });
});
