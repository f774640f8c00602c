import type { Channel } from "@/db/schema/enums";
import type { MissingItem } from "@/db/schema/modules";
import type { Driver } from "@/server/engine/channels/from-env";

/** Everything activation looks at, read from the database and the server's environment. */
export type ReadinessFacts = {
  entitlement: { expiresAt: Date | null; source: string } | null;
  sandbox: boolean;
  channels: readonly Channel[];
  drivers: Record<Channel, Driver>;
  /** The workspace has contacts, or a key that may send them: its CRM is connected. */
  crmConnected: boolean;
  sender: { name: string; email: string; postalAddress: string };
};

/** One line of the readiness checklist: met or not, and how to meet it. */
export type ChecklistItem = MissingItem & { met: boolean };

/** A provider's environment variables, named in the fix an owner reads. */
const providerSetup: Record<Channel, { name: string; env: string }> = {
  email: { name: "Resend", env: "RESEND_API_KEY" },
  sms: {
    name: "Twilio",
    env: "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM (or TWILIO_MESSAGING_SERVICE_SID)",
  },
  web_push: { name: "Web Push", env: "VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT" },
  zalo: { name: "the Zalo Official Account API", env: "ZALO_OA_ACCESS_TOKEN" },
};

const channelWords: Record<Channel, string> = {
  email: "Email",
  sms: "SMS",
  web_push: "Web push",
  zalo: "Zalo",
};

/** The channel's name inside a sentence. */
const inSentence: Record<Channel, string> = {
  email: "email",
  sms: "SMS",
  web_push: "web push",
  zalo: "Zalo",
};

/**
 * SPEC §1.9: what activation needs, each item met or not, with how to provide it. A channel's
 * capability is met by a configured provider; the Outbox meets it only in a sandbox.
 */
export function readinessChecklist(facts: ReadinessFacts, now: Date): ChecklistItem[] {
  return [
    entitlementItem(facts, now),
    crmItem(facts),
    ...facts.channels.map((channel) => channelItem(facts, channel)),
    ...(facts.channels.includes("email") ? senderItems(facts) : []),
  ];
}

/** The items still missing: empty when the module may be active. */
export function missingItems(facts: ReadinessFacts, now: Date): MissingItem[] {
  return readinessChecklist(facts, now)
    .filter((item) => !item.met)
    .map(({ met: _, ...item }) => item);
}

function entitlementItem({ entitlement }: ReadinessFacts, now: Date): ChecklistItem {
  const expired = entitlement?.expiresAt && entitlement.expiresAt <= now;
  return {
    kind: "entitlement",
    item: "dormant_customer_reactivation",
    met: entitlement !== null && !expired,
    reason: expired
      ? `The workspace's entitlement to this module (${entitlement.source}) ended on ${entitlement.expiresAt!.toISOString()}.`
      : entitlement
        ? `Entitled (${entitlement.source}).`
        : "The workspace is not entitled to this module.",
    fix: "Ask the operator of this Rekindle server to grant it: `npm run workspace -- entitle <workspace slug> dormant_customer_reactivation`.",
  };
}

function crmItem({ crmConnected, sandbox }: ReadinessFacts): ChecklistItem {
  return {
    kind: "capability",
    item: "crm",
    met: crmConnected || sandbox,
    reason: sandbox
      ? "Sandbox: the demo's contacts stand in for a CRM."
      : crmConnected
        ? "Contacts arrive through an import or an API key with the `contacts` scope."
        : "No contacts yet, and no API key may send them.",
    fix: "Import contacts from a CSV on the Contacts page, or make an API key with the `contacts` scope and POST them to /api/v1/contacts.",
  };
}

function channelItem({ drivers, sandbox }: ReadinessFacts, channel: Channel): ChecklistItem {
  const provider = providerSetup[channel];
  const configured = drivers[channel] !== "outbox";
  return {
    kind: "capability",
    item: channel,
    met: configured || sandbox,
    reason: configured
      ? `${channelWords[channel]} is sent through ${provider.name}.`
      : sandbox
        ? `Sandbox: ${inSentence[channel]} messages go to the Outbox.`
        : `${channelWords[channel]} is enabled but no ${inSentence[channel]} provider is configured: messages would only reach the Outbox.`,
    fix: `Set ${provider.env} in the server's environment and restart it, or turn ${channelWords[channel]} off in Settings → Delivery.`,
  };
}

/** CAN-SPAM: an email names its sender and carries a postal address. */
function senderItems({ sender }: ReadinessFacts): ChecklistItem[] {
  const emailLike = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(sender.email);
  return [
    {
      kind: "sender_identity",
      item: "sender",
      met: sender.name.trim() !== "" && emailLike,
      reason:
        sender.name.trim() === ""
          ? "Emails need a sender name."
          : emailLike
            ? `Emails come from ${sender.name} <${sender.email}>.`
            : "Emails need a valid sender address.",
      fix: "Set the sender name and address in Settings → Sender.",
    },
    {
      kind: "postal_address",
      item: "postal_address",
      met: sender.postalAddress.trim() !== "",
      reason:
        sender.postalAddress.trim() === ""
          ? "Emails must carry the business's postal address (CAN-SPAM)."
          : "Emails carry the business's postal address.",
      fix: "Set the postal address in Settings → Sender.",
    },
  ];
}
