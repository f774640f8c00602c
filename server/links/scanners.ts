/**
 * Mail security gateways and link-preview bots open every link of a message before (or instead
 * of) the contact: counted as clicks, they would cancel the reminder's other channels (SPEC §1.4)
 * for someone who never looked. Each entry matches a case-insensitive part of the User-Agent.
 */
const scannerAgents: { pattern: RegExp; why: string }[] = [
  // Microsoft Defender for Office 365 Safe Links scans Outlook/Exchange mail with Bing's preview.
  { pattern: /BingPreview/i, why: "Microsoft Safe Links (BingPreview)" },
  { pattern: /Safe ?Links/i, why: "Microsoft Safe Links" },
  // Proofpoint URL Defense rewrites and pre-fetches every link of protected mailboxes.
  { pattern: /Proofpoint/i, why: "Proofpoint URL Defense" },
  // Mimecast URL Protect checks links on delivery and again on click.
  { pattern: /Mimecast/i, why: "Mimecast URL Protect" },
  // Barracuda Email Security Gateway's link protection.
  { pattern: /Barracuda/i, why: "Barracuda link protection" },
  // Chat apps unfurl a link pasted or forwarded by the contact into a preview card.
  { pattern: /Slackbot-LinkExpanding|Slack-ImgProxy/i, why: "Slack link preview" },
  { pattern: /facebookexternalhit|Facebot/i, why: "Facebook/Messenger link preview" },
  { pattern: /Twitterbot/i, why: "X (Twitter) link preview" },
  { pattern: /WhatsApp/i, why: "WhatsApp link preview" },
  { pattern: /TelegramBot/i, why: "Telegram link preview" },
  { pattern: /Discordbot/i, why: "Discord link preview" },
  // Not Zalo: its in-app browser, which contacts open our links in, names itself "Zalo" too.
  { pattern: /LinkedInBot/i, why: "LinkedIn link preview" },
  // A search engine that found a forwarded or published link.
  { pattern: /Googlebot/i, why: "Googlebot" },
  // Generic words nearly every other crawler, scanner and previewer puts in its agent ("bot/"
  // or a lone "bot": a phone model such as "CUBOT X30" is a person's browser).
  { pattern: /bot\/|\bbot\b|crawler|spider|preview|scanner/i, why: "an automated link checker" },
];

/**
 * Who, if anyone, opened a tracked link without being the contact: a `HEAD` request (a person's
 * browser always GETs a link it follows) or a known scanner's User-Agent. Null for a person.
 */
export function linkScanner(request: Request): string | null {
  if (request.method === "HEAD") return "a HEAD request (a link checker)";
  const agent = request.headers.get("user-agent") ?? "";
  return scannerAgents.find((s) => s.pattern.test(agent))?.why ?? null;
}
