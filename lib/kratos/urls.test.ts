import { describe, expect, it } from "vitest";
import { kratosUrl } from "@/lib/kratos/urls";

describe("kratosUrl", () => {
  it("joins a base without a trailing slash", () => {
    expect(kratosUrl(new URL("http://127.0.0.1:4433"), "self-service/login/browser", "").href).toBe(
      "http://127.0.0.1:4433/self-service/login/browser",
    );
  });

  it("joins a base with a path, with or without a trailing slash", () => {
    const expected = "http://kratos.internal/public/sessions/whoami";
    expect(kratosUrl(new URL("http://kratos.internal/public"), "sessions/whoami", "").href).toBe(expected);
    expect(kratosUrl(new URL("http://kratos.internal/public/"), "sessions/whoami", "").href).toBe(expected);
  });

  it("keeps the query string as sent", () => {
    const url = kratosUrl(
      new URL("http://127.0.0.1:4433/"),
      "self-service/login/browser",
      "?aal=aal2&refresh=true&return_to=http%3A%2F%2Flocalhost%3A3000%2Fsettings",
    );
    expect(url.href).toBe(
      "http://127.0.0.1:4433/self-service/login/browser?aal=aal2&refresh=true&return_to=http%3A%2F%2Flocalhost%3A3000%2Fsettings",
    );
    expect(url.searchParams.get("return_to")).toBe("http://localhost:3000/settings");
  });

  it("accepts a query string without the leading question mark", () => {
    expect(kratosUrl(new URL("http://127.0.0.1:4433"), "self-service/login/flows", "id=abc").href).toBe(
      "http://127.0.0.1:4433/self-service/login/flows?id=abc",
    );
  });

  it("stays on the Kratos host", () => {
    const base = new URL("http://127.0.0.1:4433/");
    for (const path of ["self-service/login", ".well-known/ory/webauthn.js", "sessions/whoami"]) {
      expect(kratosUrl(base, path, "").origin).toBe("http://127.0.0.1:4433");
    }
  });

  it("does not modify the base URL", () => {
    const base = new URL("http://127.0.0.1:4433/public");
    kratosUrl(base, "sessions/whoami", "?x=1");
    expect(base.href).toBe("http://127.0.0.1:4433/public");
  });
});
