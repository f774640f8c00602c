import { describe, expect, it } from "vitest";
import { toApiRow } from "./cells";

describe("toApiRow", () => {
  it("trims cells and leaves empty ones out, so they keep the stored value", () => {
    expect(toApiRow("contacts", { externalId: " c1 ", name: "  ", email: "" })).toEqual({
      externalId: "c1",
    });
  });

  it("splits tags on ; , and |", () => {
    expect(toApiRow("contacts", { tags: "vip; gold,, new|x " }).tags).toEqual([
      "vip",
      "gold",
      "new",
      "x",
    ]);
  });

  it("reads channel states, a channel alone meaning subscribed", () => {
    expect(
      toApiRow("contacts", { channels: "Email: subscribed; sms=Unsubscribed; web push" }).channels,
    ).toEqual({ email: "subscribed", sms: "unsubscribed", web_push: "subscribed" });
  });

  it("reads a spreadsheet's yes/no and leaves anything else for the schema to refuse", () => {
    expect(toApiRow("contacts", { lastActivityOverride: "Yes" }).lastActivityOverride).toBe(true);
    expect(toApiRow("contacts", { lastActivityOverride: "0" }).lastActivityOverride).toBe(false);
    expect(toApiRow("contacts", { lastActivityOverride: "maybe" }).lastActivityOverride).toBe(
      "maybe",
    );
  });

  it("drops a phone's spaces, dashes, dots and brackets, not its digits or plus", () => {
    expect(toApiRow("contacts", { phone: "+1 (312) 555-01.99" }).phone).toBe("+13125550199");
    expect(toApiRow("contacts", { phone: "312 555 0199" }).phone).toBe("3125550199");
  });

  it("passes exercise cells as text", () => {
    expect(toApiRow("exercises", { title: " Travel ", url: "https://x.example/1" })).toEqual({
      title: "Travel",
      url: "https://x.example/1",
    });
  });
});
