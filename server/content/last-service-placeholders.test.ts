import { describe, expect, it } from "vitest";
import type { Channel } from "@/db/schema/enums";
import type { ContactHistory } from "./last-service";
import type { ContentOf } from "./message";
import { checkPlaceholders, placeholdersFor } from "./placeholders";
import { renderVariant, type RenderContext } from "./render";
import type { VariantContent, VariantOf } from "./variant-content";

const personal = "{{last_service}} on {{last_service_date}}, {{months_since}} ago";

/** A valid variant of each channel carrying the three placeholders in its main field. */
const variants: Record<Channel, VariantContent> = {
  email: {
    channel: "email",
    subject: "Time for another {{last_service}}?",
    html: `<p>${personal}</p><a href="{{cta_link}}">Book</a> <a href="{{unsubscribe_link}}">Unsubscribe</a>`,
    text: "",
  },
  sms: { channel: "sms", text: `${personal} {{cta_link}}` },
  web_push: {
    channel: "web_push",
    title: "{{months_since}}",
    body: `${personal} {{preferences_link}}`,
    icon: null,
  },
  zalo: { channel: "zalo", text: `${personal} {{cta_link}} {{preferences_link}}` },
};

describe("{{last_service}}, {{last_service_date}}, {{months_since}} — checked on save (SPEC §1.6)", () => {
  it.each(
    (Object.keys(variants) as Channel[]).flatMap((channel) =>
      ["six_months", "five_weeks", "recurring", "streak_lost", "year"].map(
        (stage) => [channel, stage] as const,
      ),
    ),
  )("are accepted on %s for %s", (channel, stage) => {
    expect(checkPlaceholders(variants[channel], stage)).toEqual([]);
  });

  it.each([
    ["last_servce", "last_service"],
    ["last_services", "last_service"],
    ["Last_Service", "last_service"],
    ["last_service_dat", "last_service_date"],
    ["last_sevice_date", "last_service_date"],
    ["month_since", "months_since"],
    ["months_snce", "months_since"],
  ])("a misspelt {{%s}} is refused with “Did you mean {{%s}}?”", (typo, meant) => {
    const sms: VariantOf<"sms"> = { channel: "sms", text: `Hi! {{${typo}}} {{cta_link}}` };
    expect(checkPlaceholders(sms, "six_months")).toEqual([
      {
        field: "text",
        message: `Unknown placeholder {{${typo}}} at line 1, column 5. Did you mean {{${meant}}}?`,
      },
    ]);
  });

  it("the editor offers all three to home services, and months_since to a learning app too", () => {
    for (const channel of ["email", "sms"] as const)
      expect(placeholdersFor("home_services", "six_months", channel)).toEqual(
        expect.arrayContaining(["last_service", "last_service_date", "months_since"]),
      );
    const learning = placeholdersFor("self_study", "week", "zalo");
    expect(learning).toContain("months_since");
    expect(learning).not.toContain("last_service");
    expect(learning).not.toContain("last_service_date");
  });
});

const history: ContactHistory = {
  lastActivityAt: new Date("2026-03-03T15:00:00Z"),
  lastService: "AC tune-up",
  lastServiceAt: new Date("2026-03-03T15:00:00Z"),
  zone: "America/Chicago",
  locale: "en-US",
  now: new Date("2026-09-03T14:00:00Z"),
};
const unknown: ContactHistory = {
  ...history,
  lastActivityAt: null,
  lastService: null,
  lastServiceAt: null,
};
const ctx = (h: ContactHistory | undefined): RenderContext => ({
  contactName: "Maria Lopez",
  sender: { name: "Brightside", email: "hi@brightside.example", postalAddress: "1 Main St" },
  offer: null,
  links: {
    cta: "https://app.example/r/x",
    booking: null,
    preferences: "https://app.example/p/y",
    unsubscribe: "https://app.example/u/z",
    exercises: [],
  },
  recap: null,
  history: h,
});
const render = async <C extends Channel>(channel: C, h: ContactHistory | undefined) =>
  (await renderVariant(variants[channel], ctx(h))) as ContentOf<C>;

describe("rendering the last service", () => {
  it("with a known service: its name, its local date and the months since", async () => {
    const sms = await render("sms", history);
    expect(sms.text).toBe(
      "AC tune-up on March 3, 2026, 6 months ago https://app.example/r/x Reply STOP to opt out.",
    );
    const email = await render("email", history);
    expect(email.subject).toBe("Time for another AC tune-up?");
    expect(email.html).toContain("<p>AC tune-up on March 3, 2026, 6 months ago</p>");
    expect((await render("web_push", history)).title).toBe("6 months");
  });

  it("without one: plain words, and the date dropped with its “on”", async () => {
    for (const h of [unknown, undefined]) {
      const sms = await render("sms", h);
      expect(sms.text).toBe(
        "your last visit, a while ago https://app.example/r/x Reply STOP to opt out.",
      );
      const email = await render("email", h);
      expect(email.html).toContain("<p>your last visit, a while ago</p>");
      expect(email.text).not.toMatch(/ on[ .,]/);
      expect((await render("zalo", h)).text).toMatch(/^your last visit, a while ago /);
    }
  });

  it("without a service but with a last activity: the last visit, on its date", async () => {
    const sms = await render("sms", { ...history, lastService: null, lastServiceAt: null });
    expect(sms.text).toMatch(/^your last visit on March 3, 2026, 6 months ago /);
  });

  it("escapes a service name in HTML and keeps it literal in text", async () => {
    const odd = { ...history, lastService: `Tune-up <b>"A&B"</b> {{cta_link}}` };
    const email = await render("email", odd);
    expect(email.html).toContain('Tune-up &lt;b&gt;"A&amp;B"&lt;/b&gt; {{cta_link}} on');
    expect(email.subject).toBe(`Time for another Tune-up <b>"A&B"</b> {{cta_link}}?`);
  });
});
