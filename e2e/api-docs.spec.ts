import { expect, test } from "@playwright/test";
import { expectAccessible } from "./axe";
import { lotus, signInAs } from "./helpers";

test("an owner reads the API docs: the contacts endpoint, its scope, fields and a curl call", async ({
  page,
  request,
}) => {
  await signInAs(page, lotus, "owner");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "API docs" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "API docs" })).toBeVisible();

  const endpoints = page.getByRole("navigation", { name: "Endpoints" });
  await endpoints.getByRole("link", { name: "POST /api/v1/contacts" }).click();
  await expect(page).toHaveURL(/#upsertContacts$/);
  const contacts = page.getByTestId("operation-upsertContacts");
  await expect(
    contacts.getByRole("heading", { name: "Upsert contacts by externalId" }),
  ).toBeVisible();
  await expect(contacts.getByText("scope: contacts")).toBeVisible();

  const fields = contacts.getByRole("table", { name: "POST /api/v1/contacts: request fields" });
  const field = (name: string) => fields.getByRole("row").filter({ hasText: name });
  await expect(field("contacts[].externalId")).toContainText("required");
  await expect(field("contacts[].externalId")).toContainText("1–200 characters");
  await expect(field("contacts[].email")).toContainText("string | null");
  await expect(field("contacts[].email")).toContainText("optional");
  await expect(field("contacts[].timeZone")).toContainText(
    "must be an IANA time zone such as Asia/Ho_Chi_Minh",
  );
  await expect(field("contacts[].channels")).toContainText(
    'keys: "email", "sms", "web_push", "zalo"',
  );

  await expect(
    contacts.getByRole("region", { name: "POST /api/v1/contacts: example request" }),
  ).toContainText('-H "Authorization: Bearer $REKINDLE_API_KEY"');
  const answer = contacts.getByRole("table", { name: "POST /api/v1/contacts: response fields" });
  await expect(answer.getByRole("row").filter({ hasText: "errors[].reason" })).toBeVisible();
  const errors = contacts.getByRole("table", { name: "POST /api/v1/contacts: errors" });
  await expect(errors.getByRole("row").filter({ hasText: "403" })).toContainText("forbidden");
  await expect(errors.getByRole("row").filter({ hasText: "429" })).toContainText("Retry-After");

  await expectAccessible(page);

  // The page shows the document the API serves, to anyone: no key, no session.
  const served = await request.get("/api/v1/openapi.json", { headers: { cookie: "" } });
  expect(served.status()).toBe(200);
  const document = await served.json();
  expect(document.paths["/api/v1/contacts"].post["x-required-scope"]).toBe("contacts");

  await page.getByRole("main").getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await page.getByRole("link", { name: "API docs: endpoints and fields" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API docs" })).toBeVisible();
});

test("a marketer has no API docs in the nav and is refused the page", async ({ page }) => {
  await signInAs(page, lotus, "marketer");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "API docs" })).toHaveCount(0);
  const response = await page.goto("/developers");
  expect(response?.status()).toBe(403);
});
