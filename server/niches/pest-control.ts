import type { NichePreset } from "./niche";

/*
 * Residential pest control is sold as a quarterly program: a treatment's barrier lasts about
 * three months and pest pressure changes with the seasons. Four months without a visit means a
 * quarterly treatment is a month overdue and the barrier has worn off: the first reminder. Six
 * months is two missed quarters: the second. Twelve months is a full year; the same seasonal pests
 * (spring ants, autumn rodents) come back every year whoever treats the house, so a yearly
 * recurring reminder follows.
 */
export const pestControl: NichePreset = {
  key: "pest_control",
  label: "Pest control",
  description: "Quarterly treatments: a barrier lasts about three months.",
  reasoning:
    "Pest control runs on quarterly treatments, because a barrier lasts about three months. Four months without a visit means a treatment is a month overdue: the first reminder. Six months is two missed quarters, and twelve months a full year. The same seasonal pests come back every year, so a reminder then comes once a year. The offer is $25 off the next treatment booked within 14 days: a short window suits a problem that grows while it waits, and it restarts for each customer, so it never lapses.",
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
    recurringEveryDays: 365,
  },
  offer: { title: "$25 off your next treatment booked within 14 days", code: "PROTECT25" },
  copy: {
    stages: {
      four_months: {
        subject: "Your quarterly treatment is due",
        text: "It has been four months since your last pest treatment, so your protection may be wearing off. Book your next visit.",
      },
      six_months: {
        subject: "Keep pests out this season",
        text: "Six months since your last pest treatment. Pests come back with the season: book now and stay protected.",
      },
      twelve_months: {
        subject: "A year since your last treatment",
        text: "A year since your last pest treatment. Book an inspection and we will get your home protected again.",
      },
    },
    other: {
      subject: "Time for your yearly pest check",
      text: "Pests come back every year. Book your yearly check and keep your home protected.",
    },
    memo: "We hope you have been pest-free since {{last_service}} on {{last_service_date}}.",
    cta: "Book a treatment",
  },
};
