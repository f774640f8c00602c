import { describe, expect, it } from "vitest";
import { linkLabel } from "./link-label";

describe("linkLabel", () => {
  it("names a message link by its kind, not its id", () => {
    expect(linkLabel("http://localhost:3000/r/AbC123xyz0AbC123")).toBe("tracked link");
    expect(linkLabel("https://app.example/p/AbC123xyz0AbC123")).toBe("message settings");
    expect(linkLabel("https://app.example/u/AbC123xyz0AbC123")).toBe("unsubscribe");
  });

  it("shows another URL's host, and leaves what is not a URL as it is", () => {
    expect(linkLabel("https://brightside-home.example/book?x=1")).toBe("brightside-home.example");
    expect(linkLabel("https://app.example/r/AbC/extra")).toBe("app.example");
    expect(linkLabel("https://")).toBe("https://");
  });
});
