import { describe, expect, it } from "vitest";
import { isAuthorizedHook } from "./webhookAuth";

const SECRET = "9c1e4b7a2f5d8e0c3b6a9f2e5d8c1b4a7e0d3c6b9a2f5e8d";

describe("isAuthorizedHook", () => {
  it("accepts exactly the bearer secret", () => {
    expect(isAuthorizedHook(`Bearer ${SECRET}`, SECRET)).toBe(true);
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["wrong", `Bearer ${SECRET.replace(/.$/, "0")}`],
    ["a prefix", `Bearer ${SECRET.slice(0, 20)}`],
    ["longer", `Bearer ${SECRET}x`],
    ["without the scheme", SECRET],
    ["another scheme", `Basic ${SECRET}`],
  ])("refuses a %s secret", (_, header) => {
    expect(isAuthorizedHook(header, SECRET)).toBe(false);
  });

  it("refuses everything when no secret is configured", () => {
    expect(isAuthorizedHook("Bearer ", "")).toBe(false);
  });
});
