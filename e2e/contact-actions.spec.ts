import { expect, test, type Page } from "@playwright/test";
import { brightside, contactTotal, lotus, signInAs } from "./helpers";

/** The rows of the contact list, header left out. */
const rows = (page: Page) => page.getByRole("table", { name: "Contacts" }).getByRole("row");

test("an owner filters contacts by channel state, tag and stage reached, kept in the URL", async ({
  page,
}) => {
  await signInAs(page, brightside, "owner");
  const all = await contactTotal(page);

  await page.getByLabel("Channel state").selectOption("sms:unsubscribed");
  await expect(page).toHaveURL(/channel=sms&state=unsubscribed/);
  await expect.poll(() => contactTotal(page)).toBeLessThan(all);
  const unsubscribed = await contactTotal(page);
  expect(unsubscribed).toBeGreaterThan(0);
  for (const row of (await rows(page).all()).slice(1)) {
    await expect(row.getByText("SMS · unsubscribed").filter({ visible: true })).toBeVisible();
  }
  // The URL alone restores the filter.
  await page.reload();
  await expect(page.getByLabel("Channel state")).toHaveValue("sms:unsubscribed");
  await expect.poll(() => contactTotal(page)).toBe(unsubscribed);
  await page.getByLabel("Channel state").selectOption("");
  await expect(page).not.toHaveURL(/channel=/);

  await page.getByLabel("Without tag").selectOption("do-not-contact");
  await expect(page).toHaveURL(/without=do-not-contact/);
  await expect.poll(() => contactTotal(page)).toBeLessThan(all);
  await expect(
    page.getByRole("table", { name: "Contacts" }).getByText("do-not-contact", { exact: true }),
  ).toHaveCount(0);

  // The engine plans the seeded contacts' reminders within seconds of the start.
  await page.getByLabel("Stage reached").selectOption({ label: "6 months since last job" });
  await expect(page).toHaveURL(/reached=six_months/);
  await expect(page).toHaveURL(/without=do-not-contact/);
  await expect
    .poll(
      async () => {
        await page.reload();
        return contactTotal(page);
      },
      { timeout: 40_000 },
    )
    .toBeGreaterThan(0);
  await expect(page.getByLabel("Stage reached")).toHaveValue("six_months");
  await rows(page).nth(1).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Reminders" })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Reminders of this contact" }).getByText(/^6 months since/),
  ).not.toHaveCount(0);
});

test("an owner tags a contact do-not-contact and turns a channel off: timeline and audit log", async ({
  page,
}) => {
  await signInAs(page, brightside, "owner");
  await page.getByLabel("Channel state").selectOption("email:subscribed");
  await page.getByLabel("Without tag").selectOption("do-not-contact");
  await expect(page).toHaveURL(/channel=email&state=subscribed/);
  await expect(page).toHaveURL(/without=do-not-contact/);
  await expect(page.getByText("Updating…")).toHaveCount(0);
  const link = rows(page).nth(1).getByRole("link").first();
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const externalId = /^(cust-\d{5})/.exec(
    (await page.getByText(/^cust-\d{5} · /).textContent()) ?? "",
  )![1]!;

  // Channels with masked addresses, tags, locale; times in the contact's zone, named.
  await expect(page.getByTestId("times-zone")).toContainText("the contact's time zone");
  await expect(page.getByTestId("channel-email")).toContainText(/\*\*\*@mail\.example/);
  await expect(page.getByTestId("channel-sms")).toContainText(/\+1 ••• ••• \d{4}/);
  await expect(page.getByTestId("contact-locale")).toHaveText("English (United States) (en-US)");

  // Add do-not-contact, confirmed in a dialog.
  await page.getByRole("button", { name: "Add do-not-contact" }).click();
  const dialog = page.getByRole("dialog", { name: `Tag ${name} do-not-contact?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Tag do-not-contact" }).click();
  await expect(
    page.getByText(`${name} is tagged do-not-contact: nothing more is sent.`),
  ).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove do-not-contact" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Tags" }).getByText("do-not-contact")).toBeVisible();
  await expect(page.getByText("Nothing: the contact is tagged do-not-contact.")).toBeVisible();
  const decisions = page.getByRole("region", { name: "Decisions" });
  await expect(
    decisions.getByRole("listitem").filter({ hasText: "Tag added" }).last(),
  ).toContainText("Tagged do-not-contact by the owner; the engine plans the contact again.");

  // Turn email off.
  await page.getByRole("button", { name: "Turn off Email" }).click();
  const off = page.getByRole("dialog", { name: `Turn off Email for ${name}?` });
  await off.getByRole("button", { name: "Turn off Email" }).click();
  await expect(page.getByText(`Email is off for ${name}.`)).toBeVisible();
  await expect(page.getByTestId("channel-email")).toContainText("unsubscribed");
  await expect(page.getByRole("button", { name: "Turn off Email" })).toHaveCount(0);
  await expect(
    decisions.getByRole("listitem").filter({ hasText: "Channel changed" }).last(),
  ).toContainText("Unsubscribed from email through the owner.");

  // The audit log says who did what, filtered by kind in the URL.
  await page.goto("/audit");
  await page.getByLabel("What changed").selectOption("contact");
  await expect(page).toHaveURL(/kind=contact/);
  const tagged = page
    .getByTestId("audit-entry")
    .filter({ hasText: `Tagged ${name} (${externalId}) do-not-contact` });
  await expect(tagged).toBeVisible();
  await expect(tagged).toContainText("owner@brightside-home.example (owner)");
  await tagged.getByText("Details").click();
  await expect(tagged.getByRole("link", { name: `${name} (${externalId})` })).toBeVisible();
  await expect(tagged).toContainText("Tag do-not-contact added");
  await expect(
    page
      .getByTestId("audit-entry")
      .filter({ hasText: `Turned off email for ${name} (${externalId})` }),
  ).toBeVisible();

  // Back on the contact: remove the tag again; the engine plans the contact again.
  await tagged.getByRole("link", { name: `${name} (${externalId})` }).click();
  await page.getByRole("button", { name: "Remove do-not-contact" }).click();
  await page
    .getByRole("dialog", { name: `Remove do-not-contact from ${name}?` })
    .getByRole("button", { name: "Remove the tag" })
    .click();
  await expect(page.getByText(`${name} is no longer tagged do-not-contact.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add do-not-contact" })).toBeVisible();
  await expect(
    decisions.getByRole("listitem").filter({ hasText: "Tag removed" }).last(),
  ).toBeVisible();
});

test("an analyst reads a contact without the owner's actions, and is refused the audit log", async ({
  page,
}) => {
  await signInAs(page, lotus, "analyst");
  await rows(page).nth(1).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "What happens next" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Messages sent" })).toBeVisible();
  await expect(page.getByRole("button", { name: /do-not-contact/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Turn off/ })).toHaveCount(0);
  const response = await page.goto("/audit");
  expect(response?.status()).toBe(403);
  await expect(
    page.getByRole("heading", { name: "Your role cannot open this page" }),
  ).toBeVisible();
});
