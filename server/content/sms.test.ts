import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkLength } from "@/server/links/link-id";
import { hasOptOutLine, OPT_OUT_LINE, smsAsSent, smsSegments, withOptOutLine } from "./sms";

describe("withOptOutLine — “SMS carries an opt-out line … unless the text already has one” (SPEC §1.6)", () => {
  it("adds “Reply STOP to opt out.” to a text without one", () => {
    expect(OPT_OUT_LINE).toBe("Reply STOP to opt out.");
    expect(withOptOutLine("Lotus: come back https://a/r/x")).toBe(
      "Lotus: come back https://a/r/x Reply STOP to opt out.",
    );
  });

  it("trims trailing space before adding it", () => {
    expect(withOptOutLine("Come back  \n")).toBe("Come back Reply STOP to opt out.");
  });

  it.each([
    "Come back. Reply STOP to opt out.",
    "Come back. reply stop to unsubscribe",
    "Come back. REPLY STOP",
    "Come back. Text STOP to quit",
    "Come back. text  stop",
    "Come back. Send STOP to 12345",
    "Reply\tSTOP to end",
  ])("leaves %j alone: it already says how to opt out", (text) => {
    expect(hasOptOutLine(text)).toBe(true);
    expect(withOptOutLine(text)).toBe(text);
  });

  it.each(["Stop by our shop", "Reply STOPPED", "Non-stop deals", "Replystop"])(
    "adds the line to %j: it mentions stop but not how to opt out",
    (text) => {
      expect(hasOptOutLine(text)).toBe(false);
      expect(withOptOutLine(text)).toBe(`${text} ${OPT_OUT_LINE}`);
    },
  );

  it("property: the result always has exactly one added line, and adding again changes nothing", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = withOptOutLine(text);
        expect(hasOptOutLine(once)).toBe(true);
        expect(withOptOutLine(once)).toBe(once);
        if (!hasOptOutLine(text)) expect(once.split(OPT_OUT_LINE)).toHaveLength(2);
      }),
    );
  });
});

describe("smsSegments — GSM-7 160/153, UCS-2 70/67 characters per segment", () => {
  it.each([
    ["GSM-7", "a", 1, 1],
    ["GSM-7", "a", 160, 1],
    ["GSM-7", "a", 161, 2],
    ["GSM-7", "a", 306, 2],
    ["GSM-7", "a", 307, 3],
    ["GSM-7", "a", 459, 3],
    ["GSM-7", "a", 460, 4],
    ["UCS-2", "ạ", 70, 1],
    ["UCS-2", "ạ", 71, 2],
    ["UCS-2", "ạ", 134, 2],
    ["UCS-2", "ạ", 135, 3],
    ["UCS-2", "ạ", 201, 3],
    ["UCS-2", "ạ", 202, 4],
  ] as const)("%s: %j × %i → %i segment(s)", (encoding, char, count, segments) => {
    expect(smsSegments(char.repeat(count))).toMatchObject({ encoding, segments });
  });

  it("one Vietnamese character makes the whole text UCS-2", () => {
    const ascii = "a".repeat(69);
    expect(smsSegments(ascii)).toMatchObject({ encoding: "GSM-7", segments: 1 });
    expect(smsSegments(`${ascii}ư`)).toMatchObject({ encoding: "UCS-2", segments: 1 });
    expect(smsSegments(`${ascii}ưa`)).toMatchObject({ encoding: "UCS-2", segments: 2 });
  });

  it("a real Vietnamese reminder is UCS-2", () => {
    const text = "Chào bạn! Đã lâu rồi bạn chưa luyện tập. Quay lại ngay: https://a.example/r/x";
    expect(smsSegments(text)).toMatchObject({ encoding: "UCS-2", segments: 2 });
  });

  it("GSM-7 extension characters count twice", () => {
    expect(smsSegments("€".repeat(80))).toMatchObject({
      encoding: "GSM-7",
      segments: 1,
      characters: 160,
    });
    expect(smsSegments("€".repeat(81))).toMatchObject({
      encoding: "GSM-7",
      segments: 2,
      characters: 162,
    });
  });

  it("property: GSM-7 text of n plain characters takes ceil(n/153) segments beyond 160", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        const expected = n <= 160 ? 1 : Math.ceil(n / 153);
        expect(smsSegments("x".repeat(n)).segments).toBe(expected);
      }),
      { numRuns: 30 },
    );
  });
});

describe("smsAsSent — the editor counts an SMS with its real link length (SPEC §1.10)", () => {
  const length = linkLength("http://localhost:3000");

  it("a message link is the app URL, `/r/` and a 16-character id", () => {
    expect(length).toBe("http://localhost:3000/r/".length + 16);
    expect(linkLength("http://localhost:3000/")).toBe(length);
  });

  it("counts each link placeholder at the link's length and adds the opt-out line", () => {
    const text = smsAsSent(
      "Book: {{cta_link}} or {{ booking_link }}. {{preferences_link}}",
      length,
    );
    expect(text).toBe(
      `Book: ${"x".repeat(length)} or ${"x".repeat(length)}. ${"x".repeat(length)} ${OPT_OUT_LINE}`,
    );
  });

  it("leaves other placeholders as written and keeps an opt-out line already there", () => {
    expect(smsAsSent("Hi {{first_name}}! Reply STOP to end", length)).toBe(
      "Hi {{first_name}}! Reply STOP to end",
    );
  });

  it("a text that fits one segment with its placeholder as written may take two as sent", () => {
    const text = `${"a".repeat(100)} {{cta_link}}`;
    expect(smsSegments(text).segments).toBe(1);
    expect(smsSegments(smsAsSent(text, length)).segments).toBe(2);
  });
});
