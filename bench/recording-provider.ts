import type { ChannelProvider, OutgoingMessage } from "@/server/engine/channels/provider";

/** An instant provider that keeps every call, so the bench can check what was sent. */
export function recordingProvider(): ChannelProvider & { calls: OutgoingMessage[] } {
  const calls: OutgoingMessage[] = [];
  return {
    calls,
    async send(message) {
      calls.push(message);
      return { providerMessageId: message.deliveryId };
    },
  };
}
