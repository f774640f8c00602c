import type { NichePreset } from "./niche";

/*
 * Detailing customers come back every two to three months: that is how long wax or sealant
 * protects the paint, and about how long an interior stays fresh. Three months, the end of that
 * interval, is the first reminder. Six months is two missed details and a change of season (road
 * salt, pollen): the second. Twelve months is the last. No recurring reminder: people change cars
 * and habits, and after a year silence is more polite.
 */
export const autoDetail: NichePreset = {
  key: "auto_detail",
  label: "Auto detailing",
  description: "Car detailing: wax and interiors want care every 2 to 3 months.",
  reasoning:
    "Wax and sealant protect paint for two to three months, and regulars come back on about that rhythm. Three months, the end of that interval, is the first reminder; six months is two missed details and a change of season, and twelve months is the last reminder, with no recurring one. The offer is 20% off a detail booked within 14 days: detailing is an easy treat to put off, and a short window that starts when the customer reads it gets the car booked without a date that would lapse.",
  cadence: {
    stages: [
      { key: "three_months", label: "3 months since last detail", threshold: 3, unit: "month" },
      { key: "six_months", label: "6 months since last detail", threshold: 6, unit: "month" },
      { key: "twelve_months", label: "12 months since last detail", threshold: 12, unit: "month" },
    ],
    recurringEveryDays: null,
  },
  offer: { title: "20% off your next detail booked within 14 days", code: "SHINE20" },
  copy: {
    stages: {
      three_months: {
        subject: "Time to bring back the shine",
        text: "It has been three months since your last detail, about when wax wears off. Book your next detail today.",
      },
      six_months: {
        subject: "Your car has earned a detail",
        text: "Six months since your last detail. Let us take care of the season's dirt: book your next detail.",
      },
      twelve_months: {
        subject: "A year since your last detail",
        text: "A year since your last detail with us. Book now and we will get your car looking new again.",
      },
    },
    other: {
      subject: "Ready when your car is",
      text: "Whenever your car needs some care, we are here. Book your next detail anytime.",
    },
    memo: "We hope your car has kept its shine since {{last_service}} on {{last_service_date}}.",
    cta: "Book your detail",
  },
};
