import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/test/db";
import { callerFor, createMember, createTenant } from "@/test/factories";

let handle: DbHandle;
beforeAll(async () => {
  handle = await openTestDb();
});
afterAll(() => handle.close());

const NUL = "\u0000";
const sms = (text: string) => ({ channel: "sms" as const, text });
const draft = { stage: "six_months", channel: "sms" as const, ctaKind: "book_now" };

async function workspace() {
  const tenant = await createTenant(handle.db, "home_services");
  const [owner, marketer] = await Promise.all([
    createMember(handle.db, tenant.id, ["owner"]),
    createMember(handle.db, tenant.id, ["marketer"]),
  ]);
  return {
    owner: callerFor(handle.db, owner.id, tenant.id),
    marketer: callerFor(handle.db, marketer.id, tenant.id),
  };
}

/** The code of a refused call and its input issues as the HTTP answer words them, or "OK". */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: "OK", message: "" };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const issues = error.cause instanceof ZodError ? error.cause.issues : [];
    return {
      code: error.code,
      message: issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    };
  }
}

describe("tRPC inputs are bounded before they reach the database", () => {
  type Api = Awaited<ReturnType<typeof workspace>>;
  const calls: [string, string, (api: Api) => Promise<unknown>][] = [
    ["an API key name", "name", (a) => a.owner.apiKeys.create({ name: `ops${NUL}` })],
    ["the contacts search", "search", (a) => a.owner.contacts.list({ search: `lan${NUL}` })],
    ["the contacts tag filter", "tag", (a) => a.owner.contacts.list({ tag: NUL })],
    ["the outbox search", "contact", (a) => a.owner.outbox.list({ contact: `x${NUL}` })],
    ["the exercise search", "search", (a) => a.marketer.templates.exercises({ search: NUL })],
    [
      "a variant's text",
      "content.text",
      (a) => a.marketer.templates.create({ ...draft, content: sms(`Hi${NUL} {{cta_link}}`) }),
    ],
    [
      "an email subject with a line break",
      "content.subject",
      (a) =>
        a.marketer.templates.create({
          stage: "six_months",
          channel: "email",
          ctaKind: "book_now",
          content: {
            channel: "email",
            subject: "Hello\nBcc: everyone",
            html: "<p>{{cta_link}} {{unsubscribe_link}}</p>",
            text: "",
          },
        }),
    ],
  ];

  it.each(calls)("refuses a NUL in %s, naming the field", async (_, field, call) => {
    const { code, message } = await refusal(call(await workspace()));
    expect(code).toBe("BAD_REQUEST");
    expect(message).toContain(`${field}: must not contain control characters`);
  });

  it("refuses a NUL in a review comment", async () => {
    const { marketer } = await workspace();
    const { revision } = await marketer.templates.create({
      ...draft,
      content: sms("Time for a tune-up {{cta_link}}"),
    });
    const { code, message } = await refusal(
      marketer.templates.review({ revisionId: revision.id, action: "submit", comment: NUL }),
    );
    expect(code).toBe("BAD_REQUEST");
    expect(message).toContain("comment: must not contain control characters");
  });

  it("keeps the line breaks and tabs of text written for people", async () => {
    const { marketer } = await workspace();
    const { revision } = await marketer.templates.create({
      ...draft,
      content: sms("Time for a tune-up.\n\tBook: {{cta_link}}"),
    });
    expect(revision.content).toMatchObject({ text: "Time for a tune-up.\n\tBook: {{cta_link}}" });
  });
});
