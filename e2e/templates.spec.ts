import { expect, test } from "@playwright/test";
import { brightside, signInAs } from "./helpers";

test("a marketer writes a variant: placeholder errors, live preview, review; owners only read", async ({
  page,
  browser,
}) => {
  await signInAs(page, brightside, "marketer");
  await page.goto("/templates");
  // The demo leaves the last stage's SMS on the built-in fallback.
  const cell = "12 months since last job · SMS";
  await page.getByRole("link", { name: `New variant for ${cell}` }).click();
  const text = page.getByLabel("SMS text");
  await expect(text).toHaveValue(/\{\{cta_link\}\}/);
  // What fits home services: a booking, no exercises.
  await expect(page.getByLabel("CTA kind")).toHaveValue("book_now");
  await expect(page.getByRole("button", { name: "{{exercises}}" })).toHaveCount(0);

  await text.fill("Hi {{frist_name}}, {{offer}} Book now");
  await expect(page.getByTestId("preview-problems")).toContainText(
    "Unknown placeholder {{frist_name}} at line 1, column 4. Did you mean {{first_name}}?",
  );
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("form", { name: "New variant" }).getByRole("alert")).toContainText(
    "The SMS text must contain {{cta_link}}.",
  );

  await text.fill("Hi {{first_name}}, a year already! {{offer}} Book: {{cta_link}}");
  await expect(page.getByTestId("preview-problems")).toHaveCount(0);
  await expect(page.getByTestId("preview-contact-name")).toBeVisible();
  await expect(page.getByText(/Reply STOP to opt out\./).first()).toBeVisible();
  await page.getByRole("button", { name: "Create draft" }).click();

  await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByTestId("awaiting-review")).toContainText("another marketer reviews it");
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const variantUrl = page.url();

  const owner = await (await browser.newContext()).newPage();
  await signInAs(owner, brightside, "owner");
  await owner.goto(variantUrl);
  await expect(owner.getByLabel("SMS text")).toHaveValue(/a year already/);
  await expect(owner.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await owner.goto("/templates");
  await expect(owner.getByTestId("pending-reviews")).toContainText(/[1-9]/);

  // The second demo marketer approves what the first submitted.
  const reviewer = await (await browser.newContext()).newPage();
  await signInAs(reviewer, brightside, "marketer 2");
  await reviewer.goto(variantUrl);
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByText(/approved: it is now in use/)).toBeVisible();
});
