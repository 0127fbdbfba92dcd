import { describe, expect, it } from "vitest";
import { NOTICES, isNoticeId } from "@/lib/http/notices";

describe("isNoticeId", () => {
  it("accepts every notice", () => {
    for (const id of Object.keys(NOTICES)) expect(isNoticeId(id)).toBe(true);
  });

  it("refuses unknown values, including inherited property names", () => {
    for (const v of ["", "nope", "toString", "__proto__", "constructor", "CSRF", undefined, null, 1, {}]) {
      expect(isNoticeId(v)).toBe(false);
    }
  });
});
