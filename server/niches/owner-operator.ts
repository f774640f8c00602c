import type { NichePreset } from "./niche";

/*
 * Handymen, landscapers, gutter and pressure-washing crews, small repair outfits: one person or
 * a small crew, booked when something needs doing. Most customers need them once or twice a year
 * (gutters spring and fall, a deck wash a year), so six months without a job is the first sign of
 * drifting away, and a year is the last useful moment to ask. This is the module card's own
 * 6/9/12-month ladder, with the same stage keys as the generic home-services preset, so a
 * workspace that applies it keeps its templates.
 */
export const ownerOperator: NichePreset = {
  key: "owner_operator",
  label: "Owner-operator",
  description: "Handyman, landscaping, gutters, pressure washing: jobs once or twice a year.",
  reasoning:
    "Your customers call when something needs doing, usually once or twice a year. Six months without a job is the first sign they are drifting, nine months is worth a second note, and twelve months is the last one: after a year without work, more messages read as spam, so there is no recurring reminder. The offer is 10% off the next job with no deadline: a job is booked when the need is there, and a date would only lapse while reminders keep going out.",
  cadence: {
    stages: [
      { key: "six_months", label: "6 months since last job", threshold: 6, unit: "month" },
      { key: "nine_months", label: "9 months since last job", threshold: 9, unit: "month" },
      { key: "twelve_months", label: "12 months since last job", threshold: 12, unit: "month" },
    ],
    recurringEveryDays: null,
  },
  // A percentage scales from a $90 repair to a $2,000 landscaping job.
  offer: { title: "10% off your next job", code: "COMEBACK10" },
  copy: {
    stages: {
      six_months: {
        subject: "Anything on your to-do list?",
        text: "It has been six months since we last worked for you. Anything on the list? Book your next job today.",
      },
      nine_months: {
        subject: "We would be glad to help again",
        text: "It has been nine months since your last job with us. Book online and we will fit you in.",
      },
      twelve_months: {
        subject: "A year since your last job",
        text: "A year since your last job with us. Seasonal jobs come round again: book now and we will take care of it.",
      },
    },
    other: {
      subject: "Here when you need us",
      text: "We are still here when something needs doing. Book your next job whenever you are ready.",
    },
    memo: "Thanks again for choosing us for {{last_service}} on {{last_service_date}}.",
    cta: "Book your next job",
  },
};
