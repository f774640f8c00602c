import type { ReactNode } from "react";
import type { MissingItemView } from "./types";

const capabilityNames: Record<string, string> = {
  crm: "Contacts (CRM)",
  email: "Email provider",
  sms: "SMS provider",
  web_push: "Web push provider",
  zalo: "Zalo provider",
};

/** What a checklist item is about, as an owner says it. */
export function requirementName(item: Pick<MissingItemView, "kind" | "item">): string {
  switch (item.kind) {
    case "entitlement":
      return "Entitlement to the module";
    case "sender_identity":
      return "Email sender";
    case "postal_address":
      return "Postal address in emails";
    case "capability":
      return capabilityNames[item.item] ?? item.item;
  }
}

/** A sentence with `code` spans (a command, a scope, an environment variable) set as code. */
export function WithCode({ text }: { text: string }): ReactNode {
  return text.split(/`([^`]+)`/).map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.8em] break-all">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
