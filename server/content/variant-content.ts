import { z } from "zod";
import type { Channel } from "@/db/schema/enums";

/** What a marketer writes for one variant, in the shape of its channel (SPEC §1.6). */
export const emailVariant = z.object({
  channel: z.literal("email"),
  subject: z.string().trim().min(1, "is required").max(200),
  /** HTML body; sanitised on save and again when rendered. */
  html: z.string().trim().min(1, "is required").max(50_000),
  /** Plain-text part; derived from the HTML when empty. */
  text: z.string().max(20_000).default(""),
});
export const smsVariant = z.object({
  channel: z.literal("sms"),
  text: z.string().trim().min(1, "is required").max(1_600),
});
export const webPushVariant = z.object({
  channel: z.literal("web_push"),
  title: z.string().trim().min(1, "is required").max(80),
  body: z.string().trim().min(1, "is required").max(300),
  icon: z.url().nullable().default(null),
});
export const zaloVariant = z.object({
  channel: z.literal("zalo"),
  text: z.string().trim().min(1, "is required").max(2_000),
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
