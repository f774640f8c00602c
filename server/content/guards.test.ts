import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fallbackVariant } from "./fallback";
import { checkGuards } from "./guards";
import type { ContentOf } from "./message";
import { renderVariant, type RenderContext } from "./render";
import { MAX_SMS_SEGMENTS, OPT_OUT_LINE } from "./sms";

const sender = { name: "Lotus", email: "hi@lotus.example", postalAddress: "1 Main St" };
const unsubscribe = "https://app.example/u/eyJhbGciOiJIUzI1NiJ9.eyJrIjoidSJ9.c2ln";
const ctx: RenderContext = {
  contactName: "Lan Nguyen",
  sender,
  offer: null,
  links: {
    cta: "https://app.example/r/x",
    booking: null,
    preferences: "https://app.example/p/y",
    unsubscribe,
    exercises: [],
  },
  recap: null,
};

const email = async (c: RenderContext = ctx) =>
  (await renderVariant(fallbackVariant("six_months", "email"), c)) as ContentOf<"email">;
const sms = async (c: RenderContext = ctx) =>
  (await renderVariant(fallbackVariant("six_months", "sms"), c)) as ContentOf<"sms">;

describe("checkGuards — “A message that fails its guard is not sent and the reason is logged” (SPEC §1.6)", () => {
  it("passes a rendered email and a rendered SMS", async () => {
    expect(checkGuards(await email(), sender, unsubscribe)).toBeNull();
    expect(checkGuards(await sms(), sender, unsubscribe)).toBeNull();
  });

  describe("email “carries the tenant's sender identity and postal address”", () => {
    it.each([
      ["no @ in the sender email", { ...sender, email: "lotus.example" }],
      ["an empty sender email", { ...sender, email: "" }],
      ["a sender email without a domain dot", { ...sender, email: "hi@localhost" }],
      ["a sender email with a space", { ...sender, email: "hi there@lotus.example" }],
      ["a sender email with angle brackets", { ...sender, email: "<hi@lotus.example>" }],
      ["an empty sender name", { ...sender, name: "" }],
      ["a blank sender name", { ...sender, name: "   " }],
    ])("sender_identity: %s", async (_, bad) => {
      expect(checkGuards(await email(), bad, unsubscribe)).toEqual({
        guard: "sender_identity",
        reason: "the workspace has no valid sender name and email",
      });
    });

    it.each([
      ["empty", ""],
      ["blank", "  \n "],
    ])("postal_address: a %s postal address", async (_, postalAddress) => {
      expect(checkGuards(await email(), { ...sender, postalAddress }, unsubscribe)).toEqual({
        guard: "postal_address",
        reason: "the workspace has no postal address for the footer",
      });
    });
  });

  describe("email carries “an unsubscribe link”", () => {
    it("unsubscribe_link: the link is missing from the HTML part", async () => {
      const message = await email();
      const html = message.html.replaceAll(unsubscribe, "https://app.example/elsewhere");
      expect(checkGuards({ ...message, html }, sender, unsubscribe)?.guard).toBe(
        "unsubscribe_link",
      );
    });

    it("unsubscribe_link: the link is missing from the text part", async () => {
      const message = await email();
      const text = message.text.replaceAll(unsubscribe, "");
      expect(checkGuards({ ...message, text }, sender, unsubscribe)).toEqual({
        guard: "unsubscribe_link",
        reason: "the email has no unsubscribe link",
      });
    });

    it("unsubscribe_link: the message was rendered with another contact's link", async () => {
      const other = { ...ctx, links: { ...ctx.links, unsubscribe: "https://app.example/u/other" } };
      expect(checkGuards(await email(other), sender, unsubscribe)?.guard).toBe("unsubscribe_link");
    });

    it("passes an unsubscribe URL with `&`, which the HTML holds as `&amp;`", async () => {
      const url = "https://app.example/u/z?a=1&b=2";
      const message = await email({ ...ctx, links: { ...ctx.links, unsubscribe: url } });
      expect(message.html).toContain("https://app.example/u/z?a=1&amp;b=2");
      expect(checkGuards(message, sender, url)).toBeNull();
    });
  });

  describe("email carries “`List-Unsubscribe` + `List-Unsubscribe-Post: List-Unsubscribe=One-Click` headers” (RFC 8058)", () => {
    it.each([
      ["no headers", () => ({})],
      ["no List-Unsubscribe", (h: Record<string, string>) => ({ ...h, "List-Unsubscribe": "" })],
      [
        "List-Unsubscribe without angle brackets",
        (h: Record<string, string>) => ({ ...h, "List-Unsubscribe": unsubscribe }),
      ],
      [
        "List-Unsubscribe with another URL",
        (h: Record<string, string>) => ({ ...h, "List-Unsubscribe": "<https://app.example/u/x>" }),
      ],
      [
        "no List-Unsubscribe-Post",
        (h: Record<string, string>) => {
          const { "List-Unsubscribe-Post": _, ...rest } = h;
          return rest;
        },
      ],
      [
        "a wrong List-Unsubscribe-Post",
        (h: Record<string, string>) => ({ ...h, "List-Unsubscribe-Post": "One-Click" }),
      ],
    ])("list_unsubscribe: %s", async (_, change) => {
      const message = await email();
      expect(
        checkGuards({ ...message, headers: change(message.headers) }, sender, unsubscribe),
      ).toEqual({
        guard: "list_unsubscribe",
        reason: "the email lacks the List-Unsubscribe headers",
      });
    });
  });

  it("empty: an email without a subject", async () => {
    const message = await email();
    expect(checkGuards({ ...message, subject: " " }, sender, unsubscribe)?.guard).toBe("empty");
  });

  describe("SMS “carries an opt-out line (“Reply STOP to opt out”) unless the text already has one”", () => {
    it("opt_out_line: an SMS without one", () => {
      expect(
        checkGuards(
          { channel: "sms", text: "Lotus: come back https://a/r/x", segments: 1 },
          sender,
          unsubscribe,
        ),
      ).toEqual({ guard: "opt_out_line", reason: "the SMS has no opt-out line" });
    });

    it.each(["Come back. Text STOP to end", `Come back. ${OPT_OUT_LINE}`])("passes %j", (text) => {
      expect(checkGuards({ channel: "sms", text, segments: 1 }, sender, unsubscribe)).toBeNull();
    });

    it.each([
      [MAX_SMS_SEGMENTS, null],
      [MAX_SMS_SEGMENTS + 1, "too_long"],
      [20, "too_long"],
    ])("an SMS of %i segments → %s", (segments, guard) => {
      const result = checkGuards(
        { channel: "sms", text: OPT_OUT_LINE, segments },
        sender,
        unsubscribe,
      );
      expect(result?.guard ?? null).toBe(guard);
      if (guard)
        expect(result?.reason).toContain(`${segments} segments (at most ${MAX_SMS_SEGMENTS})`);
    });

    it("too_long: a rendered SMS over the limit", async () => {
      const long = { ...ctx, sender: { ...sender, name: "Lotus ".repeat(200) } };
      const message = await sms(long);
      expect(message.segments).toBeGreaterThan(MAX_SMS_SEGMENTS);
      expect(checkGuards(message, sender, unsubscribe)?.guard).toBe("too_long");
    });

    it("the SMS guard does not ask for email-only things", () => {
      const noSender = { name: "", email: "", postalAddress: "" };
      expect(
        checkGuards({ channel: "sms", text: OPT_OUT_LINE, segments: 1 }, noSender, ""),
      ).toBeNull();
    });
  });

  it.each([
    [
      "web push without a title",
      { channel: "web_push", title: "", body: "b", icon: null, url: "https://a" },
    ],
    [
      "web push without a body",
      { channel: "web_push", title: "t", body: "", icon: null, url: "https://a" },
    ],
    ["Zalo without text", { channel: "zalo", text: "", url: "https://a" }],
  ] as const)("empty: %s", (_, message) => {
    expect(checkGuards(message, sender, unsubscribe)?.guard).toBe("empty");
  });

  it("property: every rendered fallback email and SMS passes its guards", async () => {
    const token = fc.string({
      unit: fc.constantFrom(..."ABCxyz019-_."),
      minLength: 20,
      maxLength: 200,
    });
    const name = fc.string({ unit: fc.constantFrom(..."Lan Nguyễn<>&\"'"), maxLength: 30 });
    const stage = fc.constantFrom("six_months", "nine_months", "twelve_months", "recurring", "x");
    await fc.assert(
      fc.asyncProperty(name, token, stage, fc.boolean(), async (contactName, tok, st, amp) => {
        const url = `https://app.example/u/${tok}${amp ? "?a=1&b=2" : ""}`;
        const c = { ...ctx, contactName, links: { ...ctx.links, unsubscribe: url } };
        expect(
          checkGuards(await renderVariant(fallbackVariant(st, "email"), c), sender, url),
        ).toBeNull();
        expect(
          checkGuards(await renderVariant(fallbackVariant(st, "sms"), c), sender, url),
        ).toBeNull();
      }),
      { numRuns: 50 },
    );
  });
});
