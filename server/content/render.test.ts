import { describe, expect, it } from "vitest";
import type { ContentOf } from "./message";
import { renderVariant, type RenderContext } from "./render";
import { OPT_OUT_LINE, smsSegments } from "./sms";
import type { VariantContent, VariantOf } from "./variant-content";

const ctx: RenderContext = {
  contactName: "Lan Nguyen",
  sender: { name: "Lotus", email: "hi@lotus.example", postalAddress: "1 Main St, Springfield" },
  offer: null,
  links: {
    cta: "https://app.example/r/x",
    booking: null,
    preferences: "https://app.example/p/y",
    unsubscribe: "https://app.example/u/z",
    exercises: [],
  },
  recap: null,
};

const emailVariant = (
  html: string,
  more: Partial<VariantOf<"email">> = {},
): VariantOf<"email"> => ({
  channel: "email",
  subject: "Hi {{first_name}}, {{business_name}} saved your place",
  html,
  text: "",
  ...more,
});
const body =
  '<p>Hi {{first_name}}</p><p><a href="{{cta_link}}">Come back</a></p><p><a href="{{unsubscribe_link}}">Unsubscribe</a></p>';

const render = async <V extends VariantContent>(variant: V, c: RenderContext = ctx) =>
  (await renderVariant(variant, c)) as ContentOf<V["channel"]>;

describe("renderVariant — email (SPEC §1.6)", () => {
  it("fills the subject, sets From and the RFC 8058 headers", async () => {
    const m = await render(emailVariant(body));
    expect(m.subject).toBe("Hi Lan, Lotus saved your place");
    expect(m.from).toBe("Lotus <hi@lotus.example>");
    expect(m.replyTo).toBeNull();
    expect(m.headers).toEqual({
      "List-Unsubscribe": "<https://app.example/u/z>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("puts the filled body in the layout", async () => {
    const m = await render(emailVariant(body));
    expect(m.html).toMatch(/^<!DOCTYPE html/);
    expect(m.html).toContain("<p>Hi Lan</p>");
    // The call to action is a button in the app's colour; other links stay links.
    expect(m.html).toMatch(
      /<a href="https:\/\/app\.example\/r\/x" style="display:inline-block;background:#c2410c;color:#ffffff;[^"]*">Come back<\/a>/,
    );
    expect(m.html).toContain('<a href="https://app.example/u/z">Unsubscribe</a>');
    expect(m.html).not.toContain("<img");
    expect(m.html).not.toContain("{{");
    expect(m.html).not.toContain("REKINDLE_SLOT");
  });

  it("shows the workspace's brand: its logo on top and its colour on the button", async () => {
    const brand = { color: "#1d4ed8", logoUrl: "https://cdn.lotus.example/logo.png?v=2&x=1" };
    const m = await render(emailVariant(body), { ...ctx, brand });
    expect(m.html).toContain(
      '<img src="https://cdn.lotus.example/logo.png?v=2&amp;x=1" alt="Lotus" height="40"',
    );
    expect(m.html).toMatch(/href="https:\/\/app\.example\/r\/x" style="[^"]*background:#1d4ed8/);
  });

  it("the footer carries the sender's name and postal address, unsubscribe and preferences links", async () => {
    const m = await render(emailVariant(body));
    const footer = m.html.slice(m.html.lastIndexOf("<hr"));
    expect(footer).toContain("Lotus");
    expect(footer).toContain("1 Main St, Springfield");
    expect(footer).toMatch(
      /<a href="https:\/\/app\.example\/u\/z"[^>]*>Unsubscribe from these emails<\/a>/,
    );
    expect(footer).toMatch(
      /<a href="https:\/\/app\.example\/p\/y"[^>]*>Choose how we reach you<\/a>/,
    );
    expect(m.text).toContain(
      "--\nLotus · 1 Main St, Springfield\nUnsubscribe: https://app.example/u/z\nPreferences: https://app.example/p/y",
    );
  });

  it("“Rendered HTML is sanitised”: a hostile body loses its scripts, handlers and javascript: links", async () => {
    const hostile = `${body}<script>alert(1)</script><img src="https://x.example/a.png" onerror="alert(2)"><a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe>`;
    const m = await render(emailVariant(hostile));
    expect(m.html).not.toMatch(/<script|onerror|javascript:|<iframe|evil/i);
    expect(m.html).toContain('<img src="https://x.example/a.png" />');
  });

  it("escapes values in the HTML: a contact named <script> stays text", async () => {
    const c = { ...ctx, contactName: "<script>alert(1)</script> Evil" };
    const m = await render(emailVariant(body), c);
    expect(m.html).toContain("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(m.html).not.toContain("<script>");
  });

  it("a value placed in an href cannot become a script URL (sanitised after filling)", async () => {
    const c = { ...ctx, contactName: "javascript:alert(document.domain)" };
    const m = await render(
      emailVariant(
        '<a href="{{first_name}}">Open</a> <a href="{{cta_link}}">Go</a> <a href="{{unsubscribe_link}}">Stop</a>',
      ),
      c,
    );
    expect(m.html).not.toMatch(/href="\s*javascript:/i);
    expect(m.html).toContain(`href="${ctx.links.cta}"`);
  });

  it("escapes the sender name and address in the footer, and values in attributes", async () => {
    const c: RenderContext = {
      ...ctx,
      sender: { ...ctx.sender, name: 'A&B <"Co">', postalAddress: "<b>1</b> Main" },
      links: { ...ctx.links, cta: 'https://app.example/r/x?a=1&b="2"' },
    };
    const m = await render(emailVariant(body), c);
    expect(m.html).toContain("A&amp;B &lt;&quot;Co&quot;&gt;");
    expect(m.html).toContain("&lt;b&gt;1&lt;/b&gt; Main");
    expect(m.html).toContain('href="https://app.example/r/x?a=1&amp;b=&quot;2&quot;"');
    expect(m.subject).toBe('Hi Lan, A&B <"Co"> saved your place'); // the subject is plain text
  });

  it("derives the text part from the HTML when the variant's text is empty", async () => {
    const m = await render(emailVariant(body, { text: "  " }));
    expect(m.text).toMatch(/^Hi Lan\n/);
    expect(m.text).toContain("https://app.example/r/x");
    expect(m.text).not.toMatch(/<p>|<a /);
  });

  it("uses the variant's own text part, filled as plain text, when there is one", async () => {
    const c = { ...ctx, contactName: "<Lan>" };
    const m = await render(emailVariant(body, { text: "Hello {{first_name}}: {{cta_link}}" }), c);
    expect(m.text).toMatch(/^Hello <Lan>: https:\/\/app\.example\/r\/x\n\n--\n/);
  });

  it("squeezes whitespace in the subject", async () => {
    const m = await render(emailVariant(body, { subject: "  Hi {{offer}}\n {{first_name}} " }));
    expect(m.subject).toBe("Hi Lan");
  });

  it("renders the offer (title, code, expiry) and the booking link", async () => {
    const c: RenderContext = {
      ...ctx,
      offer: {
        title: "10% off",
        code: "BACK10",
        expiresAt: "2026-12-31",
        bookingUrl: "https://b.example",
      },
      links: { ...ctx.links, booking: "https://app.example/r/booking" },
    };
    const html = `${body}<p>{{offer}}</p><p>{{offer_title}}|{{offer_code}}|{{offer_expiry}}</p><a href="{{booking_link}}">Book</a>`;
    const m = await render(emailVariant(html), c);
    expect(m.html).toContain("<p>10% off: use code BACK10 (until 2026-12-31).</p>");
    expect(m.html).toContain("<p>10% off|BACK10|2026-12-31</p>");
    expect(m.html).toContain('<a href="https://app.example/r/booking">Book</a>');
  });

  it("without a booking link, {{booking_link}} is the CTA link; without an offer, {{offer}} is empty", async () => {
    const m = await render(
      emailVariant(`${body}<p>[{{offer}}]</p><a href="{{booking_link}}">Book</a>`),
    );
    expect(m.html).toContain("<p>[]</p>");
    expect(m.html).toMatch(/<a href="https:\/\/app\.example\/r\/x" style="[^"]*">Book<\/a>/);
  });

  it("lists recommended exercises as escaped links in HTML and as lines in text", async () => {
    const c: RenderContext = {
      ...ctx,
      links: {
        ...ctx.links,
        exercises: [
          { title: "Listening <1>", url: "https://app.example/r/e1" },
          { title: "Reading & more", url: "https://app.example/r/e2" },
        ],
      },
    };
    const m = await render(emailVariant(`${body}{{exercises}}`, { text: "{{exercises}}" }), c);
    expect(m.html).toContain(
      '<ul><li><a href="https://app.example/r/e1">Listening &lt;1&gt;</a></li><li><a href="https://app.example/r/e2">Reading &amp; more</a></li></ul>',
    );
    expect(m.text).toMatch(
      /^Listening <1>: https:\/\/app\.example\/r\/e1\nReading & more: https:\/\/app\.example\/r\/e2\n/,
    );
  });
});

describe("renderVariant — SMS, web push, Zalo", () => {
  it("SMS gets the opt-out line and its segment count", async () => {
    const m = await render({
      channel: "sms",
      text: "{{business_name}}: hi {{first_name}}  {{offer}} {{cta_link}}",
    });
    expect(m.text).toBe(`Lotus: hi Lan https://app.example/r/x ${OPT_OUT_LINE}`);
    expect(m.segments).toBe(1);
  });

  it("SMS keeps the marketer's own opt-out line and counts UCS-2 segments", async () => {
    const text = `Chào {{first_name}}! ${"Quay lại luyện tập nhé. ".repeat(2)}{{cta_link}} Reply STOP to end`;
    const m = await render({ channel: "sms", text });
    expect(m.text).not.toContain(OPT_OUT_LINE);
    expect(m.text.endsWith("Reply STOP to end")).toBe(true);
    expect(m.segments).toBe(smsSegments(m.text).segments);
    expect(smsSegments(m.text).encoding).toBe("UCS-2");
    expect(m.segments).toBe(2);
  });

  it("web push: title and body filled and squeezed, url = the CTA link", async () => {
    const m = await render({
      channel: "web_push",
      title: "Hi {{first_name}} {{offer}}!",
      body: "{{business_name}}  misses you. Settings: {{preferences_link}}",
      icon: "https://app.example/icon.png",
    });
    expect(m).toEqual({
      channel: "web_push",
      title: "Hi Lan !",
      body: "Lotus misses you. Settings: https://app.example/p/y",
      icon: "https://app.example/icon.png",
      url: "https://app.example/r/x",
    });
  });

  it("Zalo: text filled and trimmed, url = the CTA link", async () => {
    const m = await render(
      {
        channel: "zalo",
        text: "  Hi {{first_name}}! {{recap}} {{cta_link}} {{preferences_link}} ",
      },
      {
        ...ctx,
        recap: "You practised 5 days in a row.",
      },
    );
    expect(m).toEqual({
      channel: "zalo",
      text: "Hi Lan! You practised 5 days in a row. https://app.example/r/x https://app.example/p/y",
      url: "https://app.example/r/x",
    });
  });

  it.each([
    ["an empty name", "", "there"],
    ["a blank name", "   ", "there"],
    ["a single name", "Lan", "Lan"],
    ["a full name with extra spaces", "  Lan   Nguyen ", "Lan"],
  ])("{{first_name}} of %s (%j) is %j", async (_, contactName, expected) => {
    const m = await render(
      { channel: "zalo", text: "Hi {{first_name}} {{cta_link}} {{preferences_link}}" },
      { ...ctx, contactName },
    );
    expect(m.text).toBe(`Hi ${expected} https://app.example/r/x https://app.example/p/y`);
  });

  // SPEC §1.10: a way out on every channel, even from a variant approved before the rule.
  it("web push and Zalo without {{preferences_link}} still carry the preference center's link", async () => {
    const push = await render({ channel: "web_push", title: "Hi", body: "Come back", icon: null });
    expect(push.body).toBe("Come back Message settings: https://app.example/p/y");
    const zalo = await render({ channel: "zalo", text: "Come back {{cta_link}}" });
    expect(zalo.text).toBe(
      "Come back https://app.example/r/x\nMessage settings: https://app.example/p/y",
    );
  });
});
