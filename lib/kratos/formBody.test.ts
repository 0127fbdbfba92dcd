import { describe, expect, it } from "vitest";
import { field, parseFormBody } from "@/lib/kratos/formBody";

const enc = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

describe("parseFormBody", () => {
  it("reads url-encoded forms, first value wins like Kratos", async () => {
    const f = await parseFormBody("application/x-www-form-urlencoded", enc("method=totp&method=code&code=1"));
    expect(f && field(f, "method")).toBe("totp");
    expect(f && field(f, "code")).toBe("1");
  });

  it("reads JSON objects and refuses unreadable or non-object JSON", async () => {
    const f = await parseFormBody(
      "application/json; charset=utf-8",
      enc('{"method":"code","address":"a@x.test"}'),
    );
    expect(f && field(f, "address")).toBe("a@x.test");
    expect(await parseFormBody("application/json", enc("{not json"))).toBeNull();
    expect(await parseFormBody("application/json", enc("[1,2]"))).toBeNull();
    expect(await parseFormBody("application/json", enc('"code"'))).toBeNull();
  });

  it("reads multipart forms", async () => {
    const fd = new FormData();
    fd.append("method", "code");
    fd.append("code", "123456");
    const req = new Request("http://x.test", { method: "POST", body: fd });
    const f = await parseFormBody(req.headers.get("content-type")!, await req.arrayBuffer());
    expect(f && field(f, "code")).toBe("123456");
  });

  it("returns null for types Kratos does not read, and for broken multipart", async () => {
    expect(await parseFormBody("text/plain", enc("method=code"))).toBeNull();
    expect(await parseFormBody("multipart/form-data; boundary=zzz", enc("garbage"))).toBeNull();
  });

  it("field() gives only strings", () => {
    expect(field({ code: 123456 }, "code")).toBeUndefined();
    expect(field({ code: "1" }, "missing")).toBeUndefined();
  });
});
