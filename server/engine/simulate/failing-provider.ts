import { ProviderError, type ChannelProvider } from "../channels/provider";
import type { Scenario } from "./scenario";

/** The scenario's `failures`: matching attempts fail; every other call reaches `inner`. */
export function failingProvider(
  inner: ChannelProvider,
  failures: Scenario["failures"],
  externalIdOf: (contactId: string) => string,
): ChannelProvider {
  return {
    async send(message, options) {
      const contact = externalIdOf(message.contactId);
      const failure = failures.find(
        (f) =>
          f.contact === contact &&
          f.channel === message.channel &&
          (f.stage === undefined || f.stage === message.stage) &&
          f.failAttempts.includes(message.attempt),
      );
      if (failure) throw new ProviderError(failure.kind, `scenario failure (${failure.kind})`);
      return inner.send(message, options);
    },
  };
}
