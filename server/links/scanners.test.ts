import { describe, expect, it } from "vitest";
import { linkScanner } from "./scanners";

const open = (userAgent: string | null, method = "GET") =>
  linkScanner(
    new Request("https://app.example/r/x", {
      method,
      headers: userAgent === null ? {} : { "user-agent": userAgent },
    }),
  );

describe("linkScanner — scanners are answered but never count as clicks (SPEC §1.10)", () => {
  it("a HEAD request is a link checker, whatever its agent", () => {
    expect(open("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0", "HEAD")).toContain(
      "HEAD",
    );
    expect(open(null, "HEAD")).not.toBeNull();
  });

  it.each([
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b",
    "Mozilla/5.0 (compatible; Microsoft Office SafeLinks)",
    "Proofpoint URL Defense",
    "Mimecast-URL-Protect/1.0",
    "Barracuda Sentinel (EE)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
    "WhatsApp/2.23.20.0 A",
    "TelegramBot (like TwitterBot)",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "SomeSecurityCrawler/3.1",
    "Mozilla/5.0 (compatible; link preview)",
  ])("a GET from %j is a scanner", (agent) => {
    expect(open(agent)).not.toBeNull();
  });

  it.each([
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 13; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
    // Zalo's in-app browser, where contacts open the links of Zalo messages.
    "Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 Chrome/118.0 Mobile Safari/537.36 Zalo android/12100 ZaloTheme/light ZaloLanguage/vi",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5; rv:128.0) Gecko/20100101 Firefox/128.0",
  ])("a GET from a person's browser is not: %j", (agent) => {
    expect(open(agent)).toBeNull();
  });

  it("a GET without a User-Agent is a person (curl without -A, some apps): counted", () => {
    expect(open(null)).toBeNull();
  });
});
