import { describe, expect, it } from "vitest";
import { autoMap, mappingProblems, normalizeHeader } from "./fields";

describe("autoMap", () => {
  it("maps the obvious headers of a CRM export, whatever their case and punctuation", () => {
    expect(
      autoMap("contacts", [
        "Customer ID",
        "Full Name",
        "First_Name",
        "E-mail",
        "Mobile",
        "Time Zone",
        "Language",
        "Tags",
        "Last Activity At",
        "Notes",
        "channels",
        "Zalo ID",
      ]),
    ).toEqual([
      "externalId",
      "name",
      "firstName",
      "email",
      "phone",
      "timeZone",
      "locale",
      "tags",
      "lastActivityAt",
      null,
      "channels",
      "zaloUserId",
    ]);
  });

  it("gives a field to its first column only", () => {
    expect(autoMap("contacts", ["email", "Email Address", "externalId"])).toEqual([
      "email",
      null,
      "externalId",
    ]);
  });

  it("maps a catalog's columns to the exercise fields", () => {
    expect(
      autoMap("exercises", ["Exercise ID", "Name", "Program", "Skill", "Published", "Link"]),
    ).toEqual(["externalId", "title", "program", "skill", "publishedAt", "url"]);
  });

  it("normalizes accents, case and separators", () => {
    expect(normalizeHeader(" Last-Activity_At ")).toBe("lastactivityat");
    expect(normalizeHeader("Télé")).toBe("tele");
  });
});

describe("mappingProblems", () => {
  it("asks for every required field, once each", () => {
    expect(mappingProblems("contacts", ["name", null])).toEqual(["Map a column to External id."]);
    expect(mappingProblems("exercises", ["externalId", "title", "title"])).toEqual([
      "Title is mapped to 2 columns; keep one.",
      "Map a column to Program.",
      "Map a column to Skill.",
      "Map a column to Published.",
    ]);
    expect(mappingProblems("contacts", ["externalId", "email"])).toEqual([]);
  });
});
