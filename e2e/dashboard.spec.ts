import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import Papa from "papaparse";
import { expectAccessible } from "./axe";
import { lotus, signInAs } from "./helpers";

/*
 * The analyst dashboard on the small seed: whatever numbers the engine has produced by now, the
 * page shows them in charts and tables, each table's CSV is the table, a filter lives in the URL,
 * and the numbers a filter shows agree with the breakdown they come from.
 */

const number = (text: string | null) => Number((text ?? "").replace(/[^\d.]/g, ""));

async function kpi(page: Page, id: string): Promise<number> {
  return number(await page.getByTestId(`kpi-${id}`).getByTestId("kpi-value").textContent());
}

/** Settled: no request in flight, so what is shown is the answer for the URL's filters. */
async function settled(page: Page) {
  await expect(page.getByText("Updating…")).toHaveCount(0);
}

/**
 * Opens the dashboard once it has data: the engine sends the seed's first reminders within a
 * minute of starting and the figures are recomputed every minute.
 */
async function openWithData(page: Page, query = "") {
  await expect
    .poll(
      async () => {
        await page.goto(`/dashboard${query}`);
        const ready = page.getByTestId("kpi-reached").or(page.getByTestId("dashboard-empty"));
        await expect(ready).toBeVisible({ timeout: 20_000 });
        await settled(page);
        return (await page.getByTestId("kpi-reached").count()) ? kpi(page, "reached") : 0;
      },
      { timeout: 150_000, intervals: [3_000] },
    )
    .toBeGreaterThan(0);
}

/** The table's header and rows as text: a cell's lines (one per currency) joined by "; ". */
async function tableText(table: Locator): Promise<string[][]> {
  return table.evaluate((element) => {
    const text = (cell: Element) => {
      const lines = [...cell.querySelectorAll("span.block")];
      return lines.length
        ? lines.map((l) => l.textContent.trim()).join("; ")
        : cell.textContent.trim();
    };
    const header = [...element.querySelectorAll("thead th")].map(text);
    const empty = element.querySelector("tbody td[colspan]");
    const rows = empty
      ? []
      : [...element.querySelectorAll("tbody tr")].map((tr) =>
          [...tr.querySelectorAll("th, td")].map(text),
        );
    return [header, ...rows];
  });
}

/** The rows of the table named `name` whose first cell is `first`. */
async function row(page: Page, name: string, first: string): Promise<string[]> {
  const [header, ...rows] = await tableText(page.getByRole("table", { name, exact: true }));
  const found = rows.find((r) => r[0] === first);
  expect(found, `${first} in ${name} (${header!.join(", ")})`).toBeDefined();
  return found!;
}

test.describe("the analyst dashboard", () => {
  test.describe.configure({ timeout: 200_000 });

  test.beforeEach(async ({ page }) => {
    await signInAs(page, lotus, "analyst");
  });

  test("is the analyst's home, and draws the numbers as charts", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("link", { name: "Dashboard" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await openWithData(page);

    // The headline: the rate is reactivations out of reached, as it says beside it.
    const reached = await kpi(page, "reached");
    const reactivations = await kpi(page, "reactivations");
    await expect(page.getByTestId("kpi-rate")).toContainText(
      `${reactivations.toLocaleString("en-US")} of ${reached.toLocaleString("en-US")} reached`,
    );

    // Charts with data: the rate's points, the funnel's and the channels' bars.
    await expect(page.getByTestId("rate-chart").locator("circle").first()).toBeVisible();
    await expect(
      page.getByTestId("funnel-chart").locator(".recharts-rectangle").first(),
    ).toBeVisible();
    const byChannel = page.getByRole("region", { name: "By channel", exact: true });
    await expect(byChannel.locator(".recharts-rectangle").first()).toBeVisible();

    // The funnel's "sent" is the KPI's reached, and reactivated its reactivations.
    expect(number((await row(page, "Funnel steps", "Sent"))[1]!)).toBe(reached);
    expect(number((await row(page, "Funnel steps", "Reactivated"))[1]!)).toBe(reactivations);

    // A definition on hover, and on a tap (keyboard focus and click open it too).
    await page.getByRole("button", { name: "What is “Reactivation rate”?" }).click();
    await expect(page.getByRole("tooltip")).toContainText("reactivations ÷ reached");

    await expectAccessible(page);
  });

  test("each table's CSV holds exactly the table's rows and numbers", async ({ page }) => {
    await openWithData(page);
    const panels = page.getByTestId("table-panel");
    const count = await panels.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < count; i++) {
      const panel = panels.nth(i);
      const shown = await tableText(panel.getByRole("table"));
      const downloading = page.waitForEvent("download");
      await panel.getByRole("button", { name: /^Download CSV/ }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(
        /^rekindle-[a-z0-9-]+-\d{4}-\d\d-\d\d-to-\d{4}-\d\d-\d\d\.csv$/,
      );
      const csv = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
      const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
      expect(parsed, `CSV of ${shown[0]!.join(", ")}`).toEqual(shown);
    }
  });

  test("a filter changes the URL and the numbers, which agree with the breakdowns", async ({
    page,
  }) => {
    await openWithData(page);
    const total = await kpi(page, "reached");

    // A stage the breakdown shows, preferring one that reached fewer cycles than in all.
    const [, ...stages] = await tableText(
      page.getByRole("table", { name: "Reactivations by stage", exact: true }),
    );
    const options = await page
      .getByLabel("Stage", { exact: true })
      .locator("option")
      .allTextContents();
    const candidates = stages.filter((r) => options.includes(r[0]!) && number(r[1]!) > 0);
    expect(candidates.length).toBeGreaterThan(0);
    const stage = candidates.find((r) => number(r[1]!) !== total) ?? candidates[0]!;
    const stageReached = number(stage[1]!);

    await page.getByLabel("Stage", { exact: true }).selectOption({ label: stage[0]! });
    await expect(page).toHaveURL(/[?&]stage=[^&]+/);
    await expect(page.getByTestId("filter-scope")).toContainText(stage[0]!);
    await settled(page);
    await expect.poll(() => kpi(page, "reached")).toBe(stageReached);
    if (stageReached !== total) expect(await kpi(page, "reached")).not.toBe(total);

    // The trend is the same stage: its periods add up to the KPI.
    const [, ...weeks] = await tableText(
      page.getByRole("table", { name: "Reactivations by week", exact: true }),
    );
    expect(weeks.reduce((sum, r) => sum + number(r[1]!), 0)).toBe(await kpi(page, "reached"));

    // A reload keeps the filter; a channel replaces the stage.
    await page.reload();
    await expect(page.getByLabel("Stage", { exact: true })).toHaveValue(
      new URL(page.url()).searchParams.get("stage")!,
    );
    const channel = page.getByLabel("Channel", { exact: true });
    const channelName = (await channel.locator("option").nth(1).textContent())!;
    await channel.selectOption({ label: channelName });
    await expect(page).toHaveURL(/[?&]channel=/);
    await expect(page).not.toHaveURL(/[?&]stage=/);
    await settled(page);
    const channelRow = await row(page, "Reactivations by channel", channelName).catch(
      () => undefined,
    );
    if (channelRow) await expect.poll(() => kpi(page, "reached")).toBe(number(channelRow[1]!));

    // By month, over the last 6 months: both in the URL, in the fields and in the table.
    await page.getByLabel("By", { exact: true }).selectOption("month");
    await expect(page).toHaveURL(/[?&]period=month/);
    await expect(page.getByRole("table", { name: "Reactivations by month" })).toBeVisible();
    await page.getByRole("button", { name: "6 months" }).click();
    await expect(page).toHaveURL(/[?&]from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d/);
    const from = new URL(page.url()).searchParams.get("from")!;
    await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);
    await expect(page.getByRole("button", { name: "6 months" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    // Back undoes the last change.
    await page.goBack();
    await expect(page).not.toHaveURL(/[?&]from=/);
    await expect(page.getByRole("button", { name: "12 weeks" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  });

  test("an invalid range in the URL says why and shows the last 12 weeks", async ({ page }) => {
    await page.goto("/dashboard?from=2026-03-01&to=2026-02-01");
    await expect(page.getByText(/End: must not be before the start date/)).toBeVisible();
    await expect(page.getByRole("button", { name: "12 weeks" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );

    // An end before the start typed in the field is refused with the reason, the URL unchanged.
    const url = page.url();
    await page.getByLabel("To", { exact: true }).fill("2000-01-01");
    await expect(page.getByText("End must not be before the start date.")).toBeVisible();
    expect(page.url()).toBe(url);
  });
});
