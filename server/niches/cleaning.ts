import type { NichePreset } from "./niche";

/*
 * House cleaning regulars are on a schedule: weekly, every two weeks or every four weeks, and
 * one-off deep cleans come with the seasons (spring, the holidays, a move). The engine cannot tell
 * each customer's schedule, so the first reminder waits past the longest regular one plus a week:
 * 35 days, when a monthly client has skipped a visit and a weekly one several. Two months is
 * clearly off the schedule. Six months is when a seasonal deep-clean customer comes round again,
 * and the last reminder. No recurring reminder: a client who has not booked in half a year has
 * found another way, and more messages would not change that.
 */
export const cleaning: NichePreset = {
  key: "cleaning",
  label: "Cleaning",
  description: "House and office cleaning: regulars book every one to four weeks.",
  reasoning:
    "Regular clients book weekly, every two weeks or every four weeks, and deep cleans come with the seasons. The first reminder waits 35 days, past the longest regular schedule plus a week, so nobody on a monthly plan hears from us too early. Two months is clearly off the schedule, and six months is when seasonal deep-clean clients come back, which makes it the last reminder. The offer is 15% off, since prices vary with the size of the home, for a clean booked within 14 days: cleaning is decided on the spot, and schedules fill.",
  cadence: {
    stages: [
      { key: "five_weeks", label: "5 weeks since last clean", threshold: 35, unit: "day" },
      { key: "two_months", label: "2 months since last clean", threshold: 2, unit: "month" },
      { key: "six_months", label: "6 months since last clean", threshold: 6, unit: "month" },
    ],
    recurringEveryDays: null,
  },
  offer: { title: "15% off your next clean booked within 14 days", code: "FRESH15" },
  copy: {
    stages: {
      five_weeks: {
        subject: "Ready for your next clean?",
        text: "It has been five weeks since your last clean. Want your spot back on the schedule? Book in a minute.",
      },
      two_months: {
        subject: "Your home is ready for a fresh clean",
        text: "It has been two months since your last clean. Come home to a fresh house: book your next clean today.",
      },
      six_months: {
        subject: "Time for a seasonal deep clean",
        text: "Six months since your last clean: a good time for a seasonal deep clean. Book now and we will handle it.",
      },
    },
    other: {
      subject: "Here when you need a clean",
      text: "Whenever you need a hand at home, we are here. Book your next clean anytime.",
    },
    memo: "Thanks again for booking {{last_service}} with us on {{last_service_date}}.",
    cta: "Book your next clean",
  },
};
