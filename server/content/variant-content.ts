import { z } from "zod";
import type { Channel } from "@/db/schema/enums";
import { line, prose, webUrl } from "@/server/lib/bounded";

/** What a marketer writes for one variant, in the shape of its channel (SPEC §1.6). */
export const emailVariant = z.object({
  channel: z.literal("email"),
  subject: line(200).min(1, "is required"),
  /** HTML body; sanitised on save and again when rendered. */
  html: prose(50_000).min(1, "is required"),
  /** Plain-text part; derived from the HTML when empty. */
  text: prose(20_000).default(""),
});
export const smsVariant = z.object({
  channel: z.literal("sms"),
  text: prose(1_600).min(1, "is required"),
});
export const webPushVariant = z.object({
  channel: z.literal("web_push"),
  title: line(80).min(1, "is required"),
  body: prose(300).min(1, "is required"),
  icon: webUrl().nullable().default(null),
});
export const zaloVariant = z.object({
  channel: z.literal("zalo"),
  text: prose(2_000).min(1, "is required"),
});

export const variantContent = z.discriminatedUnion("channel", [
  emailVariant,
  smsVariant,
  webPushVariant,
  zaloVariant,
]);
export type VariantContent = z.infer<typeof variantContent>;
export type VariantOf<C extends Channel> = Extract<VariantContent, { channel: C }>;

/** The fields of a variant that hold text with placeholders, with their display names. */
export function textFields(content: VariantContent): { field: string; value: string }[] {
  switch (content.channel) {
    case "email":
      return [
        { field: "subject", value: content.subject },
        { field: "html", value: content.html },
        { field: "text", value: content.text },
      ];
    case "web_push":
      return [
        { field: "title", value: content.title },
        { field: "body", value: content.body },
      ];
    case "sms":
    case "zalo":
      return [{ field: "text", value: content.text }];
  }
}
