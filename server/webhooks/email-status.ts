import type { ProviderStatus } from "./provider-status";
import type { ResendDeliveryEvent } from "./resend-signature";

/** What a Resend delivery event means for the contact's email. */
export function emailStatus(event: ResendDeliveryEvent): ProviderStatus {
  const permanentBounce = event.status === "bounced" && event.permanent;
  return {
    channel: "email",
    providerMessageId: event.providerMessageId,
    status: permanentBounce ? "bounced_permanently" : event.status,
    occurredAt: event.occurredAt,
    channelState: permanentBounce
      ? { state: "unreachable", because: "a permanent bounce" }
      : event.status === "complained"
        ? { state: "unsubscribed", because: "a spam complaint" }
        : null,
  };
}
