// The stacks' profile table, the environment choices and the features' stack modules
// (scripts/profiles.mjs, features/<name>/stack.mjs): pure parts, without starting anything.
import { BRAND } from "@/brand/brand.mjs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import elements from "../features/elements/stack.mjs";
import hydra from "../features/hydra/stack.mjs";
import oidc, { LOCAL_OIDC } from "../features/oidc/stack.mjs";
import { kratosOverlay } from "../scripts/kratos-config.mjs";
import {
  featureModules,
  loadSecrets,
  loginStyleOf,
  mergeConfig,
  portVariable,
  PROFILES,
  stackChoices,
  stackSettings,
} from "../scripts/profiles.mjs";

const secrets = {
  kratosCookie: "c".repeat(64),
  kratosCipher: "x".repeat(32),
  kratosDefault: "d".repeat(64),
  session: "s".repeat(64),
  oidcClientSecret: "o".repeat(64),
  oidcCookie: "k".repeat(64),
};

function contextOf(profile: "dev" | "test" | "cluster", uiKit = "ui") {
  const settings = stackSettings(profile, [oidc, elements], {});
  return { profile, settings, secrets, uiKit, tls: profile === "cluster", log: () => {} };
}

function overlayFor(ctx: ReturnType<typeof contextOf>, features: { kratos?: (c: never) => unknown }[]) {
  let o: object = kratosOverlay({
    appUrl: ctx.settings.appUrl,
    publicPort: ctx.settings.ports.kratosPublic,
    adminPort: ctx.settings.ports.kratosAdmin,
    smtpPort: ctx.settings.ports.smtp,
    dataDir: "/data",
    brand: BRAND,
    schemaPath: "/repo/kratos/identity.schema.json",
    secrets,
  });
  for (const f of features) o = mergeConfig(o, f.kratos?.(ctx as never) as object | undefined);
  return o as ReturnType<typeof kratosOverlay> & {
    selfservice: {
      methods: { oidc?: { enabled: boolean; config: { providers: { issuer_url: string }[] } } };
    };
  };
}

describe("stackChoices (FEATURES, UI_KIT, MAIL_CATCHER, LOGIN_STYLE, read once)", () => {
  it("selects every feature, the app's own kit and maildev by default", () => {
    expect(stackChoices({})).toEqual({
      features: ["oidc", "elements", "enrollment-gate", "account-deletion", "hydra", "notifications"],
      uiKit: "ui",
      mailCatcher: "maildev",
      loginStyle: undefined,
    });
  });

  it("runs the one-form login but on the cluster, unless LOGIN_STYLE says", () => {
    const unset = stackChoices({});
    expect(loginStyleOf("dev", unset)).toBe("unified");
    expect(loginStyleOf("test", unset)).toBe("unified");
    expect(loginStyleOf("cluster", unset)).toBe("identifier_first");
    const first = stackChoices({ LOGIN_STYLE: " identifier_first " });
    expect(loginStyleOf("test", first)).toBe("identifier_first");
    expect(loginStyleOf("cluster", stackChoices({ LOGIN_STYLE: "unified" }))).toBe("unified");
  });

  it("turns a feature off with one word", () => {
    expect(stackChoices({ FEATURES: "-oidc" }).features).not.toContain("oidc");
    expect(stackChoices({ FEATURES: "none" }).features).toEqual([]);
  });

  it("refuses UI_KIT=elements when the elements feature is off, saying so", () => {
    expect(stackChoices({ UI_KIT: " Elements " }).uiKit).toBe("elements");
    expect(() => stackChoices({ UI_KIT: "elements", FEATURES: "-elements" })).toThrow(
      /UI_KIT=elements needs the "elements" feature, which FEATURES=-elements turns off/,
    );
  });

  it("refuses unknown values", () => {
    expect(() => stackChoices({ FEATURES: "nope" })).toThrow(/unknown feature/);
    expect(() => stackChoices({ UI_KIT: "ory" })).toThrow(/UI_KIT=ory must be ui or elements/);
    expect(() => stackChoices({ MAIL_CATCHER: "smtp4dev" })).toThrow(/MAIL_CATCHER=smtp4dev/);
    expect(() => stackChoices({ LOGIN_STYLE: "two_step" })).toThrow(
      /LOGIN_STYLE=two_step must be one of unified, identifier_first/,
    );
  });
});

describe("the profile table", () => {
  it("names each port's variable after its profile", () => {
    expect(portVariable("dev", "app")).toBe("APP_PORT");
    expect(portVariable("test", "kratosPublic")).toBe("TEST_KRATOS_PUBLIC_PORT");
    expect(portVariable("test", "smtp")).toBe("TEST_MAIL_SMTP_PORT");
    expect(portVariable("cluster", "appA")).toBe("CLUSTER_APP_A_PORT");
    expect(portVariable("cluster", "oidcHttps")).toBe("CLUSTER_OIDC_HTTPS_PORT");
    expect(portVariable("bench", "noCache")).toBe("BENCH_NOCACHE_PORT");
  });

  it("takes a feature's ports only when the feature is selected, and every port from env", () => {
    expect(stackSettings("test", [], {}).ports).not.toHaveProperty("oidc");
    const s = stackSettings("test", [oidc], { TEST_APP_PORT: "3310", TEST_OIDC_PORT: "4355" });
    expect(s.ports).toMatchObject({ app: 3310, oidc: 4355, kratosPublic: 4533 });
    expect(s.appUrl).toBe("http://localhost:3310");
    // The app reaches Kratos public through the fault relay in the test profile only.
    expect(s.appKratosPublicUrl).toBe("http://127.0.0.1:4535");
    expect(stackSettings("dev", [], {}).appKratosPublicUrl).toBe("http://127.0.0.1:4433");
  });

  it("gives no two parts of one profile the same port, nor two profiles one port", () => {
    const all = (Object.keys(PROFILES) as (keyof typeof PROFILES)[]).flatMap((p) =>
      Object.values(stackSettings(p, [oidc, elements, hydra], {}).ports),
    );
    expect(new Set(all).size).toBe(all.length);
  });

  it("serves the cluster over TLS, to two instances", () => {
    const s = stackSettings("cluster", [], {});
    expect(s.appUrl).toBe("https://localhost:3443");
    expect(s.instanceUrls).toEqual(["http://127.0.0.1:3301", "http://127.0.0.1:3302"]);
  });
});

describe("features' stack modules", () => {
  it("are found for the selected features only", async () => {
    expect((await featureModules(["oidc", "account-deletion"])).map((f) => f.name)).toEqual(["oidc"]);
    expect(await featureModules([])).toEqual([]);
  });

  it("oidc: one generic provider per local provider, found by discovery at the issuer", () => {
    const o = overlayFor(contextOf("test"), [oidc]);
    expect(o.selfservice.methods.oidc).toEqual({
      enabled: true,
      config: {
        providers: LOCAL_OIDC.providers.map((p) => ({
          id: p.id,
          provider: "generic",
          label: p.label,
          client_id: LOCAL_OIDC.clientId,
          client_secret: secrets.oidcClientSecret,
          issuer_url: "http://127.0.0.1:4555",
          mapper_url: `file://${path.resolve(__dirname, "..", "features", "oidc", "claims.jsonnet")}`,
          scope: ["openid", "email", "profile"],
        })),
      },
    });
    // The core's methods stay.
    expect(o.selfservice.methods.passkey.config.rp.id).toBe("localhost");
  });

  it("oidc off: no oidc method in Kratos", () => {
    expect(overlayFor(contextOf("test"), [elements]).selfservice.methods.oidc).toBeUndefined();
  });

  it("oidc in the cluster: the provider through nginx over TLS, for Kratos, the app and the suite", () => {
    const ctx = contextOf("cluster");
    expect(overlayFor(ctx, [oidc]).selfservice.methods.oidc?.config.providers[0]?.issuer_url).toBe(
      "https://127.0.0.1:4756",
    );
    expect(oidc.appEnv(ctx)).toEqual({
      OIDC_PROVIDER_ORIGINS: "https://127.0.0.1:4756",
      OIDC_MAILBOX_PROVIDERS: "local",
    });
    expect(oidc.testEnv(ctx)).toEqual({ OIDC_TEST_PROVIDER_URL: "https://127.0.0.1:4756" });
    const [svc] = oidc.services(ctx);
    const settings = JSON.parse(svc!.args[1]!);
    expect(settings.publicUrl).toBe("https://127.0.0.1:4756");
    expect(settings.redirectUris).toEqual([
      "https://localhost:3443/api/kratos/self-service/methods/oidc/callback/local",
      "https://localhost:3443/api/kratos/self-service/methods/oidc/callback/local-sso",
    ]);
  });

  it("elements with UI_KIT=elements: the flows' ui_urls on the kit's pages; errors stay on the app's", () => {
    const o = overlayFor(contextOf("test", "elements"), [elements]);
    for (const flow of ["login", "registration", "recovery", "verification", "settings"])
      expect(o.selfservice.flows[flow]?.ui_url).toBe(`http://localhost:3100/elements/${flow}`);
    expect(o.selfservice.flows.error?.ui_url).toBe("http://localhost:3100/error");
    // A merged fragment keeps the flow's other settings.
    expect(o.selfservice.flows.verification?.after).toEqual({
      default_browser_return_url: "http://localhost:3100/",
    });
  });

  it("elements with the app's own kit changes nothing", () => {
    const ctx = contextOf("test");
    expect(overlayFor(ctx, [elements])).toEqual(overlayFor(ctx, []));
  });
});

describe("mergeConfig", () => {
  it("merges objects key by key and replaces arrays and values", () => {
    expect(mergeConfig({ a: { b: 1, c: [1] }, d: 1 }, { a: { c: [2], e: 3 }, d: 2 })).toEqual({
      a: { b: 1, c: [2], e: 3 },
      d: 2,
    });
    expect(mergeConfig({ a: 1 }, undefined)).toEqual({ a: 1 });
  });
});

describe("loadSecrets", () => {
  it("generates the core's and the selected features' secrets once, and adds a new one later", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secrets-"));
    const first = loadSecrets(dir, []);
    expect(Object.keys(first).sort()).toEqual(["kratosCipher", "kratosCookie", "kratosDefault", "session"]);
    expect(first.kratosCipher).toHaveLength(32);
    const second = loadSecrets(dir, [oidc]);
    expect(second).toMatchObject(first);
    expect(second.oidcClientSecret).toHaveLength(64);
    expect(JSON.parse(readFileSync(path.join(dir, "secrets.json"), "utf8"))).toEqual(second);
  });
});
