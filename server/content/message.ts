import type { Channel } from "@/db/schema/enums";

/** A rendered message in the shape its channel's provider sends. */
export type MessageContent =
  | {
      channel: "email";
      from: string;
      replyTo: string | null;
      subject: string;
      html: string;
      text: string;
      /** `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
      headers: Record<string, string>;
    }
  | { channel: "sms"; text: string; segments: number }
  | { channel: "web_push"; title: string; body: string; icon: string | null; url: string }
  | { channel: "zalo"; text: string; url: string };

export type ContentOf<C extends Channel> = Extract<MessageContent, { channel: C }>;

/** How a recommendation was chosen (SPEC §1.6), kept with the message for the ledger. */
export type RecommendationRule =
  "pinned" | "fresh_in_program" | "trending_in_skill" | "global_trending";

/** The message stored on its delivery at the first attempt: retries send exactly this. */
export type StoredContent = {
  message: MessageContent;
  /** The template revision used, or null for the built-in fallback. */
  revisionId: string | null;
  variant: string;
  ctaKind: string;
  recommendations: { exerciseId: string; title: string; rule: RecommendationRule }[];
};

/** The plain text of a message, for lists and the Outbox. */
export function plainText(message: MessageContent): string {
  return message.channel === "web_push" ? `${message.title}\n${message.body}` : message.text;
}
