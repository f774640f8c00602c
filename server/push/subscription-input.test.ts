import { describe, expect, it } from "vitest";
import { browserSubscription, pushSubscriptionInput } from "./subscription-input";

const keys = { p256dh: `B${"a".repeat(86)}`, auth: "abcdefghijklmnopqrstuv" };

/** The field and reason of each issue, as the batch API and the preference center report them. */
function problems(schema: typeof browserSubscription | typeof pushSubscriptionInput, row: unknown) {
  const parsed = schema.safeParse(row);
  return parsed.error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
}

describe("push subscription input (both the API and the preference center)", () => {
  it("takes a browser's subscription to a public push service", () => {
    const endpoint = "https://fcm.googleapis.com/fcm/send/abc:APA91b";
    expect(problems(browserSubscription, { endpoint, keys })).toEqual([]);
  });

  it.each([
    ["https://169.254.169.254/latest/meta-data", "169.254.169.254 is not public (link-local)"],
    ["https://127.0.0.1:5432/x", "127.0.0.1 is not public (loopback)"],
    ["https://10.0.0.1/push", "10.0.0.1 is not public (private)"],
    ["https://2130706433/push", "127.0.0.1 is not public (loopback)"],
    ["https://[::ffff:10.0.0.1]/push", "::ffff:a00:1 is not public (IPv4-mapped)"],
    ["https://[fd00::1]/push", "fd00::1 is not public (unique local)"],
    ["https://localhost/push", "localhost is not a public host name"],
    ["https://metadata.google.internal/push", ".internal names are not public"],
  ])("refuses %s, naming the field and why", (endpoint, why) => {
    expect(
      problems(pushSubscriptionInput, { externalId: "x", subscription: { endpoint, keys } }),
    ).toEqual([["subscription.endpoint", `must be on a public host: ${why}`]]);
  });

  it("refuses a plain-http endpoint", () => {
    expect(problems(browserSubscription, { endpoint: "http://push.example.com/x", keys })).toEqual([
      ["endpoint", "must be an https URL"],
    ]);
  });

  it("refuses a NUL in the endpoint (the database would fail the statement)", () => {
    const endpoint = "https://fcm.googleapis.com/fcm/send/a\u0000b";
    expect(problems(browserSubscription, { endpoint, keys })).toEqual([
      ["endpoint", "must not contain control characters such as NUL, tabs or line breaks"],
    ]);
  });
});
