import { describe, expect, it } from "vitest";
import { validateRows } from "@/server/lib/batch";
import { contactInput } from "./contact-input";

const now = new Date("2026-11-23T00:00:00Z");

const fieldOf = (row: unknown) => {
  const { errors } = validateRows([row], contactInput(now));
  return errors.length ? errors.map((e) => e.field) : null;
};

describe("contactInput", () => {
  it("accepts a full row and a row with only an external id", () => {
    expect(
      fieldOf({
        externalId: "c1",
        name: "Lan",
        email: "lan@mail.example",
        phone: "+84901234567",
        timeZone: "Pacific/Kiritimati",
        locale: "vi-VN",
        tags: ["vip"],
        channels: { zalo: "subscribed", email: "unsubscribed" },
        lastActivityAt: "2026-03-31T10:00:00+07:00",
      }),
    ).toBeNull();
    expect(fieldOf({ externalId: "c1" })).toBeNull();
  });

  it.each([
    [{ externalId: "" }, ["externalId"]],
    [{ externalId: "c", name: " " }, ["name"]],
    [{ externalId: "c", email: "not-an-email" }, ["email"]],
    [{ externalId: "c", phone: "0901234567" }, ["phone"]],
    [{ externalId: "c", timeZone: "Mars/Olympus" }, ["timeZone"]],
    [{ externalId: "c", timeZone: "+07:00" }, ["timeZone"]],
    [{ externalId: "c", channels: { fax: "subscribed" } }, ["channels.fax"]],
    [{ externalId: "c", channels: { sms: "maybe" } }, ["channels.sms"]],
    [{ externalId: "c", lastActivityAt: "2026-03-31 10:00" }, ["lastActivityAt"]],
    [{ externalId: "c", lastActivityAt: "9999-12-31T23:59:59Z" }, ["lastActivityAt"]],
    [{ externalId: "c", lastActivityOverride: true }, ["lastActivityAt"]],
    [{ externalId: "c\u0000", name: "\u0000", tags: ["\u0000"] }, ["externalId", "name", "tags.0"]],
    [{ externalId: "c", favouriteColour: "red" }, ["favouriteColour"]],
  ])("rejects %j at %j", (row, fields) => {
    expect(fieldOf(row)).toEqual(fields);
  });
});
