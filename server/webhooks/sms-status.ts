import type { ProviderStatus } from "./provider-status";

/** Carrier errors that say the number cannot receive SMS, or asked for none (Twilio codes). */
const unreachable = new Set(["30005", "30006", "21211", "21614"]);
const optedOut = new Set(["21610", "30004"]);

/**
 * A Twilio status callback (`MessageSid`, `MessageStatus`, `ErrorCode`) as a provider status, or
 * null for the steps before the carrier's answer (queued, sending, sent).
 */
export function smsStatus(params: URLSearchParams, now: Date): ProviderStatus | null {
  const sid = params.get("MessageSid");
  const status = params.get("MessageStatus");
  if (!sid || !status || !["delivered", "undelivered", "failed"].includes(status)) return null;
  const code = params.get("ErrorCode") ?? "";
  return {
    channel: "sms",
    providerMessageId: sid,
    status: code ? `${status} (error ${code})` : status,
    occurredAt: now,
    channelState: unreachable.has(code)
      ? { state: "unreachable", because: "the carrier cannot deliver to this number" }
      : optedOut.has(code)
        ? { state: "unsubscribed", because: "the carrier reports an opt-out" }
        : null,
  };
}
