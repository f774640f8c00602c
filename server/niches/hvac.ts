import type { NichePreset } from "./niche";

/*
 * Heating and cooling systems want maintenance twice a year: the air conditioning before summer,
 * the furnace before winter (most maintenance plans include exactly these two visits). Repairs are
 * emergencies that no reminder drives. Six months after the last service the next seasonal
 * tune-up is due: the first reminder. Twelve months means both seasons were skipped: the second.
 * The equipment stays in the home and needs the same care every year, whoever does it, so a
 * yearly recurring reminder follows instead of silence.
 */
export const hvac: NichePreset = {
  key: "hvac",
  label: "HVAC",
  description: "Heating and cooling: a tune-up before summer and before winter.",
  reasoning:
    "Heating and cooling systems need a tune-up twice a year, before summer and before winter. Six months after the last service the next seasonal tune-up is due, so that is the first reminder; twelve months means both seasons were skipped. The system stays in the home and needs the same care every year, so a reminder then comes once a year rather than stopping. The offer is a flat $30 off a tune-up, which is usually a fixed price, booked within 30 days of the message so it lands before the season's rush without a date that would lapse.",
  cadence: {
    stages: [
      { key: "six_months", label: "6 months since last service", threshold: 6, unit: "month" },
      { key: "twelve_months", label: "12 months since last service", threshold: 12, unit: "month" },
    ],
    recurringEveryDays: 365,
  },
  offer: { title: "$30 off a seasonal tune-up booked within 30 days", code: "TUNEUP30" },
  copy: {
    stages: {
      six_months: {
        subject: "Time for your seasonal tune-up",
        text: "It has been six months since your last heating or cooling service. Book your seasonal tune-up before the rush.",
      },
      twelve_months: {
        subject: "A year without a tune-up",
        text: "A year since your last heating or cooling service. A tune-up helps your system run efficiently and avoid breakdowns.",
      },
    },
    other: {
      subject: "Your yearly heating and cooling check",
      text: "It is time for your yearly heating and cooling check. Book a tune-up and stay comfortable all season.",
    },
    memo: "We were glad to help with {{last_service}} on {{last_service_date}}.",
    cta: "Book a tune-up",
  },
};
