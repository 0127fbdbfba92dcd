import { describe, expect, it } from "vitest";
import { DEFAULT_FACTOR_POLICY, type AmrEntry } from "@/lib/policy/factors";
import { decideLogin, methodsOf, promptOf, type KratosSessionFacts, type LoginRequestFacts } from "./login";

const NOW = new Date("2026-01-01T12:00:00Z");
const AUTH = "http://hydra.test/oauth2/auth?client_id=c&response_type=code";

function request(query = "", over: Partial<LoginRequestFacts> = {}): LoginRequestFacts {
  return { skip: false, subject: "", requestUrl: `${AUTH}${query}`, acrValues: [], ...over };
}

function session(amr: AmrEntry[], over: Partial<KratosSessionFacts> = {}): KratosSessionFacts {
  return {
    identityId: "id-1",
    kratosAal: amr.some((e) => e.aal === "aal2") ? "aal2" : "aal1",
    amr,
    authenticatedAt: new Date(NOW.getTime() - 60_000),
    ...over,
  };
}

const PASSWORD: AmrEntry = { method: "password", aal: "aal1" };
const TOTP: AmrEntry = { method: "totp", aal: "aal2" };
const RECOVERY: AmrEntry = { method: "code_recovery", aal: "aal1" };
const EMAIL_CODE: AmrEntry = { method: "code", aal: "aal2" };
const decide = (r: LoginRequestFacts, s: KratosSessionFacts | null, mark?: Date) =>
  decideLogin(r, s, DEFAULT_FACTOR_POLICY, NOW, mark);

describe("promptOf", () => {
  it("reads prompt values and max_age from the authorization request", () => {
    expect(promptOf(`${AUTH}&prompt=login%20consent&max_age=300`)).toEqual({
      prompt: ["login", "consent"],
      maxAge: 300,
    });
  });
  it("ignores a malformed max_age and a malformed URL", () => {
    expect(promptOf(`${AUTH}&max_age=-1`)).toEqual({ prompt: [] });
    expect(promptOf("not a url")).toEqual({ prompt: [] });
  });
});

describe("decideLogin: the acr is the app's effective AAL", () => {
  it("password alone is aal1", () => {
    expect(decide(request(), session([PASSWORD]))).toEqual({
      type: "accept",
      subject: "id-1",
      acr: "aal1",
      amr: ["password"],
    });
  });
  it("password + TOTP is aal2", () => {
    expect(decide(request(), session([PASSWORD, TOTP]))).toMatchObject({ type: "accept", acr: "aal2" });
  });
  it("a recovery by email code + an email code is aal1, though Kratos says aal2", () => {
    const s = session([RECOVERY, EMAIL_CODE]);
    expect(s.kratosAal).toBe("aal2");
    expect(decide(request(), s)).toMatchObject({
      type: "accept",
      acr: "aal1",
      amr: ["code_recovery", "code"],
    });
  });
});

describe("decideLogin: sign-in first", () => {
  it("sends a browser without a session to sign in", () => {
    expect(decide(request(), null)).toEqual({ type: "sign_in", refresh: false, fresh: false });
  });
  it("answers prompt=none without a session with login_required", () => {
    expect(decide(request("&prompt=none"), null)).toMatchObject({ type: "reject", error: "login_required" });
  });
  it("steps up for acr_values=aal2, with refresh when Kratos already says aal2", () => {
    const r = request("", { acrValues: ["aal2"] });
    expect(decide(r, session([PASSWORD]))).toEqual({
      type: "sign_in",
      aal: "aal2",
      refresh: false,
      fresh: false,
    });
    expect(decide(r, session([RECOVERY, EMAIL_CODE]))).toEqual({
      type: "sign_in",
      aal: "aal2",
      refresh: true,
      fresh: false,
    });
    expect(decide(r, session([PASSWORD, TOTP]))).toMatchObject({ type: "accept", acr: "aal2" });
  });
  it("prompt=login asks for a sign-in after the mark, and accepts one", () => {
    const r = request("&prompt=login");
    expect(decide(r, session([PASSWORD]))).toEqual({ type: "sign_in", refresh: true, fresh: true });
    const mark = new Date(NOW.getTime() - 30_000);
    expect(decide(r, session([PASSWORD]), mark)).toEqual({ type: "sign_in", refresh: true, fresh: true });
    const fresh = session([PASSWORD], { authenticatedAt: new Date(mark.getTime() + 1000) });
    expect(decide(r, fresh, mark)).toMatchObject({ type: "accept" });
  });
  it("max_age accepts a recent enough sign-in, and max_age=0 one after the mark", () => {
    expect(decide(request("&max_age=120"), session([PASSWORD]))).toMatchObject({ type: "accept" });
    expect(decide(request("&max_age=30"), session([PASSWORD]))).toMatchObject({
      type: "sign_in",
      fresh: true,
    });
    const mark = new Date(NOW.getTime() - 10_000);
    const fresh = session([PASSWORD], { authenticatedAt: new Date(mark.getTime() + 2000) });
    expect(decide(request("&max_age=0"), fresh, mark)).toMatchObject({ type: "accept" });
  });
  it("keeps Hydra's remembered subject: another signed-in user is refused", () => {
    const r = request("", { skip: true, subject: "someone-else" });
    expect(decide(r, session([PASSWORD]))).toMatchObject({ type: "reject", error: "login_required" });
    expect(decide({ ...r, subject: "id-1" }, session([PASSWORD]))).toMatchObject({ type: "accept" });
  });
});

describe("methodsOf", () => {
  it("lists each method once, in order", () => {
    expect(methodsOf([PASSWORD, TOTP, { method: "totp" }, {}])).toEqual(["password", "totp"]);
  });
});
