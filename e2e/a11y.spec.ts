import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { brightside, lotus, signInAs } from "./helpers";

/*
 * Every page of the app: no serious or critical axe violation (WCAG 2.1 A and AA), and usable on
 * a 390 px wide phone, i.e. the page itself never scrolls sideways (a wide table may, in its box).
 */

async function expectNoSideScroll(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(widths.scrollWidth, `page width at 390 px on ${page.url()}`).toBeLessThanOrEqual(
    widths.innerWidth,
  );
  if (size) await page.setViewportSize(size);
}

/** Opens `path`, waits for what shows the page is rendered, then checks it both ways. */
async function check(page: Page, path: string, ready: (page: Page) => Locator) {
  await page.goto(path);
  await expect(ready(page).first()).toBeVisible();
  await expectAccessible(page);
  await expectNoSideScroll(page);
}

const heading = (name: string | RegExp) => (page: Page) =>
  page.getByRole("heading", { level: 1, name });

test.describe("signed out", () => {
  test("the sign-in page", async ({ page }) => {
    await check(page, "/signin", heading("Sign in"));
  });

  for (const problem of ["invalid", "expired", "gone"]) {
    test(`the link problem page /links/${problem}`, async ({ page }) => {
      await check(page, `/links/${problem}`, (p) => p.getByRole("heading", { level: 1 }));
    });
  }
});

test.describe("a marketer's pages", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, lotus, "marketer");
  });

  test("contacts and a contact", async ({ page }) => {
    await check(page, "/contacts", (p) => p.getByTestId("contacts-count"));
    const first = page.getByRole("table", { name: "Contacts" }).getByRole("link").first();
    const href = await first.getAttribute("href");
    await check(page, href!, (p) => p.getByRole("heading", { name: "What happens next" }));
  });

  test("outbox and the preference center of a message's link", async ({ page }) => {
    await check(page, "/outbox", (p) => p.getByTestId("outbox-count"));
    // The engine sends the seeded contacts' first reminders soon after start.
    const preferences = page.getByTestId("outbox-message").locator('a[href*="/p/"]').first();
    await expect
      .poll(
        async () => {
          await page.reload();
          await expect(page.getByTestId("outbox-count")).toHaveText(/messages/);
          return preferences.count();
        },
        { timeout: 40_000 },
      )
      .toBeGreaterThan(0);
    const href = await preferences.getAttribute("href");
    await check(page, new URL(href!).pathname, heading("How we reach you"));
  });

  test("templates, a variant and a new variant", async ({ page }) => {
    await check(page, "/templates", (p) => p.getByTestId("pending-reviews"));
    const variant = await page
      .getByRole("link", { name: /^Variant / })
      .first()
      .getAttribute("href");
    const create = await page
      .getByRole("link", { name: /^New variant/ })
      .first()
      .getAttribute("href");
    await check(page, variant!, (p) => p.getByRole("heading", { name: "History" }));
    await check(page, create!, heading("New variant"));
  });

  test("settings", async ({ page }) => {
    await check(page, "/settings", heading("Settings"));
  });
});

test("an owner's API keys", async ({ page }) => {
  await signInAs(page, lotus, "owner");
  await check(page, "/api-keys", heading("API keys"));
  await check(page, "/activation", (p) => p.getByTestId("checklist-item"));
  await check(page, "/team", (p) => p.getByTestId("team-member"));
});

test("an owner's audit log and a contact with the owner's actions", async ({ page }) => {
  await signInAs(page, lotus, "owner");
  await check(page, "/audit", heading("Audit log"));
  await page.goto("/contacts");
  const first = page.getByRole("table", { name: "Contacts" }).getByRole("link").first();
  const href = await first.getAttribute("href");
  await check(page, href!, (p) => p.getByRole("heading", { name: "What happens next" }));
});

test("an analyst's dashboard", async ({ page }) => {
  await signInAs(page, lotus, "analyst");
  await check(page, "/dashboard", (p) =>
    p.getByTestId("kpi-reached").or(p.getByTestId("dashboard-empty")),
  );
});

test("the 403 page", async ({ page }) => {
  await signInAs(page, lotus, "analyst");
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(403);
  await check(page, "/settings", heading("Your role cannot open this page"));
});

test("contact names look like links, with a visible focus ring", async ({ page }) => {
  await signInAs(page, lotus, "analyst");
  const name = page.getByRole("table", { name: "Contacts" }).getByRole("link").first();
  const look = await name.evaluate((a) => {
    const style = getComputedStyle(a);
    return {
      underline: style.textDecorationLine,
      color: style.color,
      body: getComputedStyle(document.body).color,
    };
  });
  expect(look.underline).toContain("underline");
  expect(look.color).not.toBe(look.body);
  await name.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(name).toBeFocused();
  expect(await name.evaluate((a) => getComputedStyle(a).outlineStyle)).not.toBe("none");
});

test.describe("the Outbox channel filter offers the workspace's channels only", () => {
  for (const [tenant, channels] of [
    [lotus, ["All channels", "Web push", "Zalo"]],
    [brightside, ["All channels", "Email", "SMS"]],
  ] as const) {
    test(tenant, async ({ page }) => {
      await signInAs(page, tenant, "marketer");
      await page.goto("/outbox");
      await expect(page.getByLabel("Channel").locator("option")).toHaveText([...channels]);
      // A workspace-wide list: its times are in the workspace's zone, and it says which.
      await expect(page.getByTestId("times-zone")).toContainText("the workspace's time zone");
    });
  }
});
