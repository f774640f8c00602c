import { describe, expect, it } from "vitest";
import { newVariantRefusal, reviewBanner } from "./grid-cell";
import type { TemplateGridData } from "./types";

type Variant = TemplateGridData["variants"][number];
const variant = (id: string, stage: string, channel: string, name: string, status: string) =>
  ({
    id,
    stage,
    channel,
    name,
    inUse: false,
    approvedNumber: null,
    latest: { id: `${id}-r1`, number: 1, status, ctaKind: "book_now" },
  }) as Variant;

describe("reviewBanner", () => {
  const stages = [{ key: "six_months" }, { key: "nine_months" }];
  const channels = ["email", "sms"];

  it("links to the first revision waiting, in grid order", () => {
    const banner = reviewBanner(
      [
        variant("v1", "nine_months", "email", "A", "in_review"),
        variant("v2", "six_months", "sms", "B", "in_review"),
        variant("v3", "six_months", "sms", "A", "in_review"),
        variant("v4", "six_months", "email", "A", "approved"),
      ],
      stages,
      channels,
    );
    expect(banner).toEqual({
      text: "3 revisions are waiting for review.",
      href: "/templates/v3",
    });
  });

  it("says so, without a link, when nothing waits", () => {
    expect(
      reviewBanner([variant("v1", "six_months", "sms", "A", "draft")], stages, channels),
    ).toEqual({ text: "No revision is waiting for review.", href: null });
  });
});

describe("newVariantRefusal", () => {
  it("allows up to four variants and says why not a fifth", () => {
    expect(newVariantRefusal(3)).toBeNull();
    expect(newVariantRefusal(4)).toMatch(/At most 4 variants per stage and channel/);
  });
});
