import { z } from "zod";
import { tenantSettingsSchema } from "@/server/settings/schema";

/** The one module this server offers; the catalog is shaped for more. */
export const REACTIVATION_MODULE = "dormant_customer_reactivation";

export const moduleCodes = [REACTIVATION_MODULE] as const;
export type ModuleCode = (typeof moduleCodes)[number];

export const isModuleCode = (code: string): code is ModuleCode =>
  (moduleCodes as readonly string[]).includes(code);

/** What an unknown module code is told, wherever a code arrives. */
export const unknownModuleMessage = (code: string) =>
  `No module with code \`${code}\`. This server offers: ${moduleCodes.join(", ")}.`;

/**
 * The module's catalog record (the marketplace card's "Traceability"): what triggers it, what it
 * takes and does, its settings with their schema, what activation requires, and its guards.
 * Built from the code that enforces each part, so the record cannot drift from the behaviour.
 */
export function reactivationModuleRecord() {
  return {
    code: REACTIVATION_MODULE,
    name: "Dormant Customer Reactivation",
    summary:
      "If a customer hasn't come back in a while, send staged, personalised win-back reminders with a reason to come back, exactly once, at the right local time, and measure who returned and what they were worth.",
    trigger: {
      event: "customer.dormant",
      description:
        "A contact reaches a dormant cohort (a stage of the cadence) at the local midnight of the day its inactivity threshold holds.",
    },
    inputs: [
      {
        key: "contact_record",
        description: "Contacts with their channels, time zone and tags.",
        api: "POST /api/v1/contacts",
        scope: "contacts",
      },
      {
        key: "last_job_record",
        description:
          "Activity (a booked or completed job, a completed exercise), optionally with the job's service: it resets the chain and personalises the copy.",
        api: "POST /api/v1/activity",
        scope: "activity",
      },
      {
        key: "reactivation_offer",
        description: "The offer and booking link reminders carry (settings `offer`).",
        setting: "offer",
      },
    ],
    actions: [
      { key: "send_email", description: "Email through Resend, with unsubscribe headers." },
      { key: "send_sms", description: "SMS through Twilio, with an opt-out line." },
      { key: "send_web_push", description: "Web push with VAPID." },
      { key: "send_zalo", description: "A Zalo Official Account message." },
      { key: "offer_booking_link", description: "A tracked short link to the booking page." },
      {
        key: "tag_contact",
        description: "`reactivation:<stage>` after a send; `reactivated` on return.",
      },
    ],
    settings: {
      cardSettings: [
        { label: "Dormant cohorts (months)", path: "cadence.stages" },
        { label: "Offer", path: "offer" },
        { label: "Exclude 'do not contact' tagged", path: "excludeDoNotContact" },
      ],
      schema: z.toJSONSchema(tenantSettingsSchema, { io: "input" }),
    },
    requiredCapabilities: {
      always: ["crm"],
      perEnabledChannel: { email: "email", sms: "sms", web_push: "web_push", zalo: "zalo" },
      servicesPreset: ["crm", "email", "sms"],
      note: "A capability is met by a configured provider; the Outbox meets it only in a sandbox workspace. Email also needs a sender identity and a postal address.",
    },
    complianceGuards: [
      {
        key: "email_footer",
        description: "Every email carries the sender's identity and postal address.",
      },
      {
        key: "can_spam",
        description:
          "Every email has an unsubscribe link and List-Unsubscribe + List-Unsubscribe-Post (RFC 8058) headers.",
      },
      {
        key: "sms_opt_out",
        description: "Every SMS says how to opt out (Reply STOP); STOP and START are honoured.",
      },
    ],
    states: ["inactive", "deferred", "active", "paused"],
    status: "available",
    activation: {
      mode: "guided",
      api: "POST /api/tenants/activate-module",
      body: { module_code: REACTIVATION_MODULE, action: "activate | pause | resume | deactivate" },
      note: "A workspace that lacks the entitlement or a required capability gets a typed `deferred` state naming each missing item and how to provide it.",
    },
    recommendedFor: [
      "owner-operator",
      "med-spa",
      "cleaning",
      "hvac",
      "pest-control",
      "auto-detail",
    ],
    metrics: ["reactivation rate", "revenue per reactivation"],
  };
}
