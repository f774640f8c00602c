import type { Channel } from "@/db/schema/enums";
import type { MessageContent } from "@/server/content/message";
import type { FailureKind } from "../retry";

export type OutgoingMessage = {
  tenantId: string;
  contactId: string;
  deliveryId: string;
  channel: Channel;
  /** The stage key, or "recurring". */
  stage: string;
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /**
   * Email address, phone number (E.164), Zalo user id, or for web push the JSON of the browser's
   * `PushSubscription` (`{ endpoint, keys: { p256dh, auth } }`).
   */
  recipient: string;
  content: MessageContent;
};

/** A provider refused or failed; `kind` decides between a retry and giving up (SPEC §1.3). */
export class ProviderError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly errorClass: string = kind,
  ) {
    super(message);
  }
}

/**
 * One channel's sender. `idempotencyKey` is stable per delivery attempt: a provider that sees it
 * twice (a worker crashed after the call, before recording it) delivers once.
 */
export type ChannelProvider = {
  send(
    message: OutgoingMessage,
    options: { idempotencyKey: string },
  ): Promise<{ providerMessageId: string }>;
};
