import { describe, expect, it } from "vitest";
import type { CaptureResult } from "posthog-js";
import { withoutQueries, withoutQuery } from "./without-queries";

describe("withoutQuery", () => {
  it.each([
    ["https://app.example/contacts?search=jane%40mail.example", "https://app.example/contacts"],
    ["http://localhost:3000/outbox?contact=+15551234567#top", "http://localhost:3000/outbox"],
    [
      "https://app.example/contacts/0b5e6c1e-2f1e-4b1a-9d4b-2c1e7a1f0a11",
      "https://app.example/contacts/0b5e6c1e-2f1e-4b1a-9d4b-2c1e7a1f0a11",
    ],
    ["/contacts?search=jane", "/contacts?search=jane"],
    ["Contacts · Rekindle", "Contacts · Rekindle"],
    ["https://", "https://"],
  ])("%s → %s", (value, expected) => {
    expect(withoutQuery(value)).toBe(expected);
  });
});

describe("withoutQueries: posthog-js's before_send", () => {
  it("strips the query string from every URL of the event, its person properties included", () => {
    const event: CaptureResult = {
      uuid: "0190f2c4-0000-7000-8000-000000000000",
      event: "$pageview",
      properties: {
        $current_url: "https://app.example/contacts?search=Jane+Doe&tag=vip",
        $pathname: "/contacts",
        $host: "app.example",
        title: "Contacts · Rekindle",
        $screen_height: 900,
      },
      $set: { $current_url: "https://app.example/contacts?search=jane@mail.example" },
      $set_once: { $initial_current_url: "https://app.example/outbox?contact=abc#x" },
    };
    expect(withoutQueries(event)).toEqual({
      ...event,
      properties: {
        $current_url: "https://app.example/contacts",
        $pathname: "/contacts",
        $host: "app.example",
        title: "Contacts · Rekindle",
        $screen_height: 900,
      },
      $set: { $current_url: "https://app.example/contacts" },
      $set_once: { $initial_current_url: "https://app.example/outbox" },
    });
  });

  it("passes a dropped event on", () => {
    expect(withoutQueries(null)).toBeNull();
  });
});
