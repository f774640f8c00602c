import { describe, expect, it } from "vitest";
import { eventTitle, wordReason } from "./timeline-words";

const wording = {
  stageLabels: { streak_lost: "Streak lost", week: "1 week inactive", recurring: "Every 90 days" },
  zone: "Asia/Ho_Chi_Minh",
};

describe("the contact's timeline in words", () => {
  it("names events in words, and unknown ones by their words", () => {
    expect(eventTitle("deferred_quiet_hours")).toBe("Moved out of quiet hours");
    expect(eventTitle("tag_added")).toBe("Tag added");
    expect(eventTitle("some_new_event")).toBe("Some new event");
  });

  it.each([
    [
      "Stage streak_lost reached at 2026-01-03 00:00 Asia/Ho_Chi_Minh.",
      "Streak lost reached at 2026-01-03 00:00 Asia/Ho_Chi_Minh.",
    ],
    [
      "Not sent on web_push: week was reached too, and only the highest stage is sent.",
      "Not sent on web push: 1 week inactive was reached too, and only the highest stage is sent.",
    ],
    [
      "Not sent on zalo: do_not_contact.",
      "Not sent on Zalo: the contact is tagged do-not-contact.",
    ],
    [
      "Checked before sending on sms: opted_out.",
      "Checked before sending on SMS: the contact unsubscribed from it.",
    ],
    ["superseded by week", "superseded by 1 week inactive"],
    ["unreachable", "the contact cannot be reached on it"],
    [
      "Unsubscribed from web_push through the owner.",
      "Unsubscribed from web push through the owner.",
    ],
    [
      "Inactivity cycle counted from the last activity at 2026-01-01T14:00:00.000Z.",
      "Inactivity cycle counted from the last activity at 1 Jan 2026, 21:00 (Asia/Ho_Chi_Minh).",
    ],
    // A stage key that is also a word stays a word outside the ledger's phrases.
    ["Sent on email (attempt 1).", "Sent on email (attempt 1)."],
    ["Stage month_x reached", "month x reached"],
  ])("%s → %s", (stored, words) => {
    expect(wordReason(stored, wording)).toBe(words);
  });
});
