import type { NichePreset } from "./niche";

/*
 * Med spas live on injectables: neuromodulators (Botox, Dysport) wear off in 3–4 months, so
 * regulars rebook about three times a year; fillers last 6–12 months; facials and peels are
 * monthly extras. A booking counts as activity, so a client who rebooked at checkout is not
 * dormant. Four months without one means a toxin cycle has ended with nothing booked: the first
 * reminder. Six months is a missed cycle (clients at this point often try another clinic): the
 * second. Twelve months is the filler refresh and the last word. No recurring reminder: in a
 * medical-aesthetic setting, pinging a lapsed client every few months reads as pressure.
 */
export const medSpa: NichePreset = {
  key: "med_spa",
  label: "Med spa",
  description: "Injectables, fillers, skin treatments: regulars rebook every 3 to 4 months.",
  reasoning:
    "Injectables wear off in three to four months, so regulars rebook about three times a year, and a booking counts as activity. Four months with nothing booked means a treatment cycle has ended: the first reminder. Six months means a cycle was missed, when clients often try another clinic: the second, with the offer. Twelve months is the filler refresh and the last reminder; there is no recurring one, because a clinic that keeps pinging reads as pushy. The offer is a flat $50 off, which suits treatments priced per unit or syringe better than a percentage, and asks for a booking within 30 days of the message so it creates urgency without a calendar date that would lapse.",
  cadence: {
    stages: [
      { key: "four_months", label: "4 months since last treatment", threshold: 4, unit: "month" },
      { key: "six_months", label: "6 months since last treatment", threshold: 6, unit: "month" },
      {
        key: "twelve_months",
        label: "12 months since last treatment",
        threshold: 12,
        unit: "month",
      },
    ],
    recurringEveryDays: null,
  },
  offer: { title: "$50 off your next treatment booked within 30 days", code: "GLOW50" },
  copy: {
    stages: {
      four_months: {
        subject: "Time for your touch-up?",
        text: "It has been about four months since your last treatment, when most clients book a touch-up. Book your visit today.",
      },
      six_months: {
        subject: "We have missed you",
        text: "It has been six months since your last treatment. We would love to see you again: book your visit today.",
      },
      twelve_months: {
        subject: "A year since your last visit",
        text: "A year since your last treatment with us. Book a consultation and we will plan your next step together.",
      },
    },
    other: {
      subject: "Here when you are ready",
      text: "We are here whenever you are ready for your next treatment. Book online anytime.",
    },
    memo: "Thank you for trusting us with {{last_service}} on {{last_service_date}}.",
    cta: "Book your appointment",
  },
};
