import { expect, test, type Page } from "@playwright/test";
import { brightside, signInAs } from "./helpers";

// A zone where it is daytime now, so the reminder goes out on the engine's next tick.
const zones = [
  "America/New_York",
  "Europe/London",
  "Asia/Tokyo",
  "America/Los_Angeles",
  "Asia/Kolkata",
  "Pacific/Honolulu",
];
function daytimeZone(): string {
  const hour = (zone: string) =>
    Number(
      new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hour: "numeric",
        hourCycle: "h23",
      }).format(new Date()),
    );
  return zones.find((z) => hour(z) >= 9 && hour(z) < 20)!;
}

async function createApiKey(page: Page): Promise<string> {
  await page.getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Key name").fill(`e2e messages ${Date.now()}`);
  await page.getByRole("button", { name: "Create key" }).click();
  return (await page.getByTestId("new-api-key").textContent())!.trim();
}

test("a customer's reminder arrives rendered, its links are tracked, and the preference center changes what is sent", async ({
  page,
  request,
}) => {
  await signInAs(page, brightside, "owner");
  const key = await createApiKey(page);
  const externalId = `e2e-links-${Date.now()}`;
  const sevenMonthsAgo = new Date(Date.now() - 212 * 86_400_000).toISOString();
  const created = await request.post("/api/v1/contacts", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      contacts: [
        {
          externalId,
          name: "Rosa Link",
          email: `${externalId}@mail.example`,
          phone: "+13125550177",
          timeZone: daytimeZone(),
          lastActivityAt: sevenMonthsAgo,
          channels: { email: "subscribed", sms: "subscribed" },
        },
      ],
    },
  });
  expect(created.status()).toBe(200);

  // The Outbox shows the email as sent: the approved variant, the footer, working links. The
  // engine ticks every second in e2e; the Outbox refreshes its list every 10 s.
  await page.goto("/outbox");
  await page.getByLabel("Contact").fill(externalId);
  const email = page.getByTestId("outbox-message").filter({ hasText: "Email" });
  await expect(email).toHaveCount(1, { timeout: 30_000 });
  await expect(email).toContainText(/variant [ABC]/);
  await expect(email).toContainText("Rosa");
  await email.getByRole("button", { name: "Show the email as sent" }).click();
  const frame = page.frameLocator(`iframe[title="Email to Rosa Link"]`);
  await expect(frame.getByText("410 N Michigan Ave, Chicago")).toBeVisible();
  await expect(frame.getByRole("link", { name: "Unsubscribe from these emails" })).toBeVisible();
  await email.getByRole("button", { name: "Show the text part" }).click();

  // The call to action is a short tracked link (SPEC §1.10): a random 16-character id.
  const links = email.getByRole("link");
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  const tracked = hrefs.find((h) => h.includes("/r/"))!;
  const preferences = hrefs.find((h) => h.includes("/p/"))!;
  expect(tracked).toMatch(/\/r\/[0-9A-Za-z]{16}$/);
  expect(preferences).toMatch(/\/p\/[0-9A-Za-z]{16}$/);
  // A link checker's HEAD (`curl -I`) and a mail gateway's GET are answered, but are no click.
  const checked = await request.head(tracked, { maxRedirects: 0 });
  expect(checked.status()).toBe(302);
  const scanned = await request.get(tracked, {
    maxRedirects: 0,
    headers: { "user-agent": "Mozilla/5.0 (compatible; BingPreview/1.0b)" },
  });
  expect(scanned.status()).toBe(302);
  // The contact's click records the click and redirects.
  const followed = await request.get(tracked, { maxRedirects: 0 });
  expect(followed.status()).toBe(302);
  expect(followed.headers().location).toBe("https://brightside-home.example/book");

  // An altered id gets a clear page, never someone's data.
  await page.goto(`${tracked.slice(0, -4)}AAAA`);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();

  // The preference center: SMS off, email stays on.
  await page.goto(preferences);
  await expect(page.getByRole("heading", { name: "How we reach you" })).toBeVisible();
  await expect(page.getByTestId("state-sms")).toHaveText(/^On/);
  await page.getByRole("button", { name: "Turn off Text messages (SMS)" }).click();
  await expect(page.getByTestId("state-sms")).toHaveText(/^Off/);
  await expect(page.getByTestId("state-email")).toHaveText(/^On/);

  // The contact's timeline explains all of it.
  await page.goto(`/contacts?q=${externalId}`);
  await page.getByRole("link", { name: "Rosa Link" }).click();
  await expect(page.getByText("Link opened", { exact: true }).first()).toBeVisible();
  await expect(
    page.getByText("Link checked by a scanner (not a click)", { exact: true }),
  ).toHaveCount(2);
  await expect(
    page.getByText("Unsubscribed from sms through the preference center."),
  ).toBeVisible();
});
