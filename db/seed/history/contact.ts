import type { Channel, TenantKind } from "@/db/schema/enums";
import type { ContactEvent } from "@/server/engine/simulate/apply-event";

/** A demo contact as its year of history sees it. */
export type HistoryContact = {
  id: string;
  externalId: string;
  kind: TenantKind;
  /** The contact's zone, or its workspace's: when its day starts and ends. */
  zone: string;
  /** Its last activity when the year starts (null: none yet). */
  lastActivityAt: Date | null;
  /** The workspace's channels the contact can be reached on. */
  channels: Channel[];
  /** The workspace's stage keys, and "recurring" when it has recurring reminders. */
  stages: string[];
};

type Scheduled = Exclude<ContactEvent["event"], { type: "settings" }>;
/** What a contact does at an instant; the same shapes a scenario's events have. */
export type Doing =
  | { type: "activity"; revenueMinor?: number; currency?: string }
  | { type: "purchase"; revenueMinor: number; currency: string }
  | { type: "click"; channel: Channel };

/** `doing` at `at`, as an event the simulator applies the way the app's entry points would. */
export function eventOf(contact: HistoryContact, at: Date, doing: Doing): ContactEvent {
  const event = { ...doing, at: at.toISOString(), contact: contact.externalId } as Scheduled;
  return { contactId: contact.id, event };
}
