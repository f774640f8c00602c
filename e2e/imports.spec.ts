import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { brightside, lotus, signInAs } from "./helpers";

/** No serious or critical axe violation, and no sideways scroll at 390 px (as a11y.spec.ts). */
async function expectUsable(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    // The page, not the shared toaster: sonner's rich success toast (white on green) is below
    // 4.5:1 and comes and goes with the toast; it is not this page's to fix.
    .exclude("[data-sonner-toaster]")
    .analyze();
  expect(
    violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  if (size) await page.setViewportSize(size);
}

const csvFile = (name: string, lines: string[]) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(lines.join("\r\n") + "\r\n"),
});

test("an owner imports contacts from a CSV: columns mapped, progress to the end, the bad row reported by its line, the contact listed", async ({
  page,
}) => {
  // Brightside, not Lotus: the contacts walk-through counts Lotus's 60 seeded contacts.
  await signInAs(page, brightside, "owner");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import CSV" })).toBeVisible();

  const id = `e2e-import-${Date.now()}`;
  await page
    .getByLabel("CSV file")
    .setInputFiles(
      csvFile(`${id}.csv`, [
        "Customer ID,Who,E-mail,Phone,Notes",
        `${id}-1,Iris Import,iris@mail.example,+1 312 555 0101,first`,
        `${id}-2,Bad Email,not-an-email,,second`,
        `${id}-3,"Quinn, Q",,,"a note` + "\r\n" + `on two lines"`,
        `${id}-4,Ward Import,,,fourth`,
      ]),
    );

  // Obvious headers are matched; the others are mapped by hand.
  await expect(page.getByText(`${id}.csv: 4 rows, 5 columns`, { exact: false })).toBeVisible();
  await expect(page.getByLabel("Column “Customer ID”")).toHaveValue("externalId");
  await expect(page.getByLabel("Column “E-mail”")).toHaveValue("email");
  await expect(page.getByLabel("Column “Who”")).toHaveValue("");
  await page.getByLabel("Column “Who”").selectOption({ label: "Name" });
  await expect(
    page.getByRole("region", { name: "Preview of the file's first rows" }),
  ).toContainText("Iris Import");
  await expectUsable(page);

  await page.getByRole("button", { name: "Import 4 rows" }).click();
  await expect(page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  await expect(page.getByTestId("import-summary")).toHaveText(
    `3 of 4 rows of ${id}.csv stored (3 new, 0 updated); 1 rejected.`,
  );
  const rejected = page.getByRole("region", { name: "Rejected rows" });
  await expect(rejected.getByRole("row")).toHaveCount(2);
  await expect(rejected.getByRole("row").nth(1)).toHaveText(
    /Line 3\s*email\s*must be a valid email address/,
  );
  await expectUsable(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download errors (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${id}-errors.csv`);
  expect(await readFile(await download.path(), "utf8")).toBe(
    "line,field,reason\r\n3,email,must be a valid email address",
  );

  // The row after the two-line note starts on line 6: it is stored, and so the list shows it.
  await page.getByRole("link", { name: "Back to contacts" }).click();
  await page.getByLabel("Search name, email or external id").fill(`${id}-4`);
  await expect(page.getByTestId("contacts-count")).toHaveText("1–1 of 1 contacts");
  await expect(page.getByText("Ward Import")).toBeVisible();
  await page.getByLabel("Search name, email or external id").fill(`${id}-2`);
  await expect(page.getByText("No contact matches these filters.")).toBeVisible();

  // One audit entry for the import, with the server's counts.
  await page.goto("/audit");
  await expect(
    page
      .getByTestId("audit-entry")
      .filter({ hasText: `Imported contacts from ${id}.csv: 4 rows, 3 stored, 1 rejected` }),
  ).toHaveCount(1);
});

test("a learning app's owner imports the exercise catalog; a marketer cannot import", async ({
  page,
  browser,
}) => {
  await signInAs(page, lotus, "owner");
  await page.goto("/contacts/import");
  await page.getByLabel("Exercise catalog").check();
  const id = `e2e-ex-${Date.now()}`;
  await page
    .getByLabel("CSV file")
    .setInputFiles(
      csvFile("catalog.csv", [
        "id,title,program,skill,published,link",
        `${id}-1,Airport small talk,ielts,speaking,2026-01-05T00:00:00+07:00,https://lotus.example/ex/1`,
        `${id}-2,Tomorrow's exercise,ielts,reading,2999-01-01T00:00:00Z,`,
      ]),
    );
  await expect(page.getByLabel("Column “published”")).toHaveValue("publishedAt");
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByTestId("import-summary")).toHaveText(
    "1 of 2 rows of catalog.csv stored (1 new, 0 updated); 1 rejected.",
  );
  await expect(page.getByRole("region", { name: "Rejected rows" })).toContainText(
    /Line 3\s*publishedAt\s*is in the future/,
  );

  const marketer = await browser.newPage();
  await signInAs(marketer, lotus, "marketer");
  await expect(marketer.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  expect((await marketer.goto("/contacts/import"))?.status()).toBe(403);
  await marketer.close();
});

test("an import can be canceled: the batch on its way is finished, the rest of the file is not sent", async ({
  page,
}) => {
  await signInAs(page, brightside, "owner");
  await page.goto("/contacts/import");
  const id = `e2e-cancel-${Date.now()}`;
  const rows = Array.from({ length: 5_000 }, (_, i) => `${id}-${i},Cancel ${i}`);
  await page
    .getByLabel("CSV file")
    .setInputFiles(csvFile("cancel.csv", ["externalId,name", ...rows]));
  await page.getByRole("button", { name: "Import 5,000 rows" }).click();
  const progress = page.getByRole("progressbar", { name: "Rows imported" });
  await expect(progress).toHaveAttribute("aria-valuemax", "5000");
  await page.getByRole("button", { name: "Cancel import" }).click();
  await expect(page.getByRole("heading", { name: "Import canceled" })).toBeVisible();
  const summary = (await page.getByTestId("import-summary").textContent()) ?? "";
  const [, stored, sent] = /^([\d,]+) of ([\d,]+) rows of cancel\.csv stored/.exec(summary)!;
  const notSent = 5_000 - Number(sent!.replaceAll(",", ""));
  expect(stored).toBe(sent);
  expect(notSent).toBeGreaterThan(0);
  expect(summary).toContain(`${notSent.toLocaleString("en-US")} rows of the file were not sent.`);
});
