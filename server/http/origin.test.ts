import { describe, expect, it } from "vitest";
import { foreignOrigin } from "./origin";

const appUrl = "https://rekindle.example";
const from = (origin: string | null, url = "https://rekindle.example/api/trpc/x", host?: string) =>
  foreignOrigin(
    new Request(url, {
      method: "POST",
      headers: { ...(origin === null ? {} : { origin }), ...(host ? { host } : {}) },
    }),
    appUrl,
  );

describe("foreignOrigin", () => {
  it.each([
    ["the app's own origin", "https://rekindle.example", "https://rekindle.example/api/trpc/x"],
    ["the host the request was sent to", "http://10.0.0.5:3000", "http://10.0.0.5:3000/api/trpc/x"],
  ])("accepts %s", (_, origin, url) => {
    expect(from(origin, url)).toBeNull();
  });

  it("accepts the Host a proxy forwards, whatever the scheme it ended", () => {
    expect(
      from("https://crm.example", "http://127.0.0.1:3000/api/trpc/x", "crm.example"),
    ).toBeNull();
  });

  it("accepts a request without Origin: no browser page sent it", () => {
    expect(from(null)).toBeNull();
  });

  it.each([
    ["another site", "https://evil.example"],
    ["a sibling subdomain", "https://evil.rekindle.example"],
    ["another port of the app's host", "https://rekindle.example:8443"],
    ["a sandboxed page", "null"],
  ])("refuses %s", (_, origin) => {
    expect(from(origin)).toBe(origin);
  });
});
