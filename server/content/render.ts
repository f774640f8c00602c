import { toPlainText } from "@react-email/render";
import type { z } from "zod";
import {
  DEFAULT_BRAND,
  type Brand,
  type NameOrder,
  type offerSchema,
} from "@/server/settings/schema";
import { emailHtml } from "./email-layout";
import { givenName } from "./given-name";
import { lastServiceValues, withoutUnknownDate, type ContactHistory } from "./last-service";
import type { MessageContent } from "./message";
import { fill, type Placeholder } from "./placeholders";
import { escapeHtml, sanitizeEmailHtml } from "./sanitize";
import { smsSegments, withOptOutLine } from "./sms";
import type { VariantContent } from "./variant-content";
import { withPreferencesLink } from "./way-out";

export type RenderContext = {
  contactName: string;
  /** The name to greet the contact by, as the tenant gave it; without it, a word of the name. */
  contactFirstName?: string | null;
  /** Decides which word of the name is the given name (Vietnamese: the last). */
  contactLocale?: string | null;
  /** The tenant's usual name order, when the locale does not tell (given first by default). */
  nameOrder?: NameOrder;
  sender: { name: string; email: string; postalAddress: string };
  offer: z.infer<typeof offerSchema> | null;
  /** The email's logo and button colour; the app's own without one. */
  brand?: Brand;
  /** Short links (`/r/`, `/p/`, `/u/` + a random id): each one's target is stored with it. */
  links: {
    cta: string;
    booking: string | null;
    preferences: string;
    unsubscribe: string;
    exercises: { title: string; url: string }[];
  };
  recap: string | null;
  /** The contact's last activity and last service; without it they read as unknown. */
  history?: ContactHistory;
};

type Values = Partial<Record<Placeholder, string>>;

/** The values of the placeholders as plain text. */
function textValues(ctx: RenderContext): Values {
  const { offer, links } = ctx;
  const expiry = offer?.expiresAt ? ` (until ${offer.expiresAt})` : "";
  return {
    first_name:
      givenName(
        {
          name: ctx.contactName,
          firstName: ctx.contactFirstName,
          locale: ctx.contactLocale ?? null,
        },
        ctx.nameOrder ?? "given_first",
      ) || "there",
    business_name: ctx.sender.name,
    cta_link: links.cta,
    booking_link: links.booking ?? links.cta,
    offer: offer ? `${offer.title}: use code ${offer.code}${expiry}.` : "",
    offer_title: offer?.title ?? "",
    offer_code: offer?.code ?? "",
    offer_expiry: offer?.expiresAt ?? "",
    recap: ctx.recap ?? "",
    exercises: links.exercises.map((e) => `${e.title}: ${e.url}`).join("\n"),
    preferences_link: links.preferences,
    unsubscribe_link: links.unsubscribe,
    ...lastServiceValues(ctx.history),
  };
}

/** `fill`, after dropping an unknown `{{last_service_date}}` with the word that introduces it. */
const fillIn = (text: string, values: Values) =>
  fill(withoutUnknownDate(text, values.last_service_date ?? ""), values);

/** The same values for an HTML body: text escaped, the exercise list as links. */
function htmlValues(ctx: RenderContext): Values {
  const values = Object.fromEntries(
    Object.entries(textValues(ctx)).map(([k, v]) => [k, escapeHtml(v)]),
  ) as Values;
  const items = ctx.links.exercises.map(
    (e) => `<li><a href="${escapeHtml(e.url)}">${escapeHtml(e.title)}</a></li>`,
  );
  return { ...values, exercises: items.length ? `<ul>${items.join("")}</ul>` : "" };
}

/** Renders a variant for one contact in its channel's shape (SPEC §1.6). */
export async function renderVariant(
  variant: VariantContent,
  ctx: RenderContext,
): Promise<MessageContent> {
  const text = textValues(ctx);
  switch (variant.channel) {
    case "email": {
      // Sanitised after filling: a value placed in an attribute cannot smuggle in a script URL.
      const body = sanitizeEmailHtml(fillIn(variant.html, htmlValues(ctx)));
      const subject = fillIn(variant.subject, text).replace(/\s+/g, " ").trim();
      const brand = ctx.brand ?? DEFAULT_BRAND;
      const html = await emailHtml({
        PREVIEW: escapeHtml(subject),
        LOGO: brand.logoUrl
          ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(ctx.sender.name)}" height="40" style="display:block;max-height:40px;margin:0 0 16px">`
          : "",
        BODY: ctaAsButton(body, ctx.links.cta, brand.color),
        SENDER: escapeHtml(ctx.sender.name),
        ADDRESS: escapeHtml(ctx.sender.postalAddress),
        UNSUBSCRIBE: escapeHtml(ctx.links.unsubscribe),
        PREFERENCES: escapeHtml(ctx.links.preferences),
      });
      const main = variant.text.trim() ? fillIn(variant.text, text) : toPlainText(body);
      const footer = `${ctx.sender.name} · ${ctx.sender.postalAddress}\nUnsubscribe: ${ctx.links.unsubscribe}\nPreferences: ${ctx.links.preferences}`;
      return {
        channel: "email",
        from: `${ctx.sender.name} <${ctx.sender.email}>`,
        replyTo: null,
        subject,
        html,
        text: `${main.trim()}\n\n--\n${footer}`,
        headers: {
          "List-Unsubscribe": `<${ctx.links.unsubscribe}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      };
    }
    case "sms": {
      const body = withOptOutLine(squeeze(fillIn(variant.text, text)));
      return { channel: "sms", text: body, segments: smsSegments(body).segments };
    }
    case "web_push":
      return {
        channel: "web_push",
        title: squeeze(fillIn(variant.title, text)),
        body: withPreferencesLink(squeeze(fillIn(variant.body, text)), ctx.links.preferences, " "),
        icon: variant.icon,
        url: ctx.links.cta,
      };
    case "zalo": {
      const body = withPreferencesLink(fillIn(variant.text, text).trim(), ctx.links.preferences);
      return { channel: "zalo", text: body, url: ctx.links.cta };
    }
  }
}

/** One line: empty placeholders must not leave double spaces in a short message. */
const squeeze = (s: string) => s.replace(/[ \t]+/g, " ").trim();

/**
 * The email's call to action as a button in the brand's colour: every link to the CTA gets the
 * button's style (after sanitising, so the colour is ours: validated `#RRGGBB`).
 */
export function ctaAsButton(html: string, cta: string, color: string): string {
  const style =
    `display:inline-block;background:${color};color:#ffffff;padding:10px 18px;` +
    "border-radius:6px;text-decoration:none;font-weight:600";
  const href = `href="${escapeHtml(cta)}"`;
  return html.replace(/<a\b([^>]*)>/g, (tag, attrs: string) =>
    attrs.includes(href) ? `<a${attrs.replace(/\sstyle="[^"]*"/, "")} style="${style}">` : tag,
  );
}
