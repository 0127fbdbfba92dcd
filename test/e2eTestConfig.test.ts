import { describe, expect, it } from "vitest";
import { has, parseTestConfig, skipReason } from "../e2e/support/testConfig";

const minimal = { BASE_URL: "https://app.example.org", MAIL_API_URL: "http://mail.example.org:8025/" };

describe("parseTestConfig", () => {
  it("needs only BASE_URL and MAIL_API_URL; everything else turns tests off, not the run", () => {
    const { config, errors, absent } = parseTestConfig(minimal);
    expect(errors).toEqual([]);
    expect(config).toMatchObject({
      baseUrl: "https://app.example.org",
      mailApiUrl: "http://mail.example.org:8025",
      mailCatcher: "maildev",
      clusterInstanceUrls: [],
    });
    expect(absent.map((a) => a.split(" ")[0])).toEqual([
      "KRATOS_ADMIN_URL",
      "FAULT_CONTROL_URL",
      "KRATOS_PUBLIC_URL_DIRECT",
      "CLUSTER_CONTROL_URL",
      "CLUSTER_INSTANCE_URLS",
      "OIDC_TEST_PROVIDER_URL",
      "UI_KIT",
      "HYDRA_ADMIN_URL",
    ]);
    expect(config.uiKit).toBe("ui");
    expect(config.loginStyle).toBeUndefined();
    for (const cap of [
      "admin",
      "faultControl",
      "directKratos",
      "clusterControl",
      "clusterInstances",
      "oidcTestProvider",
      "elementsKit",
      "hydra",
    ] as const)
      expect(has(config, cap)).toBe(false);
  });

  it("names each missing required variable", () => {
    const { errors } = parseTestConfig({ BASE_URL: "  " });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^BASE_URL is required/);
    expect(errors[1]).toMatch(/^MAIL_API_URL is required/);
  });

  it("refuses values that are not what they claim to be", () => {
    const { errors } = parseTestConfig({
      ...minimal,
      MAIL_CATCHER: "mailhog",
      KRATOS_ADMIN_URL: "localhost:4434",
      FAULT_CONTROL_URL: "ftp://relay",
      CLUSTER_INSTANCE_URLS: "http://a:1, nope",
      PW_WORKERS: "0",
      UI_KIT: "ory",
      LOGIN_STYLE: "two_step",
    });
    expect(errors.sort()).toEqual([
      "CLUSTER_INSTANCE_URLS=nope is not a URL",
      "FAULT_CONTROL_URL=ftp://relay must be an http:// or https:// URL",
      "KRATOS_ADMIN_URL=localhost:4434 must be an http:// or https:// URL",
      "LOGIN_STYLE=two_step must be unified or identifier_first",
      "MAIL_CATCHER=mailhog must be maildev or mailpit",
      "PW_WORKERS=0 must be a positive integer",
      "UI_KIT=ory must be ui or elements",
    ]);
  });

  it("turns capabilities on from their variables", () => {
    const { config, absent } = parseTestConfig({
      ...minimal,
      MAIL_CATCHER: "mailpit",
      KRATOS_ADMIN_URL: "http://127.0.0.1:4434",
      FAULT_CONTROL_URL: "http://127.0.0.1:4536",
      KRATOS_PUBLIC_URL_DIRECT: "http://127.0.0.1:4433",
      CLUSTER_CONTROL_URL: "http://127.0.0.1:4999",
      CLUSTER_INSTANCE_URLS: "http://127.0.0.1:3301,http://127.0.0.1:3302",
      OIDC_TEST_PROVIDER_URL: "http://127.0.0.1:4555",
      HYDRA_ADMIN_URL: "http://127.0.0.1:4545",
      HYDRA_PUBLIC_URL: "http://localhost:4544/",
      HYDRA_DEMO_RP_URL: "http://localhost:4546",
      UI_KIT: " Elements ",
      LOGIN_STYLE: "identifier_first",
      PW_WORKERS: "1",
    });
    expect(absent).toEqual([]);
    expect(config.loginStyle).toBe("identifier_first");
    expect(config.mailCatcher).toBe("mailpit");
    expect(config.clusterInstanceUrls).toHaveLength(2);
    expect(config.workers).toBe(1);
    for (const cap of [
      "admin",
      "faultControl",
      "directKratos",
      "clusterControl",
      "clusterInstances",
      "oidcTestProvider",
      "elementsKit",
    ] as const)
      expect(has(config, cap)).toBe(true);
  });

  it("counts one instance as no way to alternate between instances", () => {
    const { config } = parseTestConfig({ ...minimal, CLUSTER_INSTANCE_URLS: "http://127.0.0.1:3301" });
    expect(has(config, "clusterInstances")).toBe(false);
  });

  it("says in the skip reason which variable to set", () => {
    expect(skipReason("admin")).toMatch(/set KRATOS_ADMIN_URL$/);
    expect(skipReason("elementsKit")).toMatch(/set UI_KIT=elements$/);
  });

  it("says that the feature is off when FEATURES leaves out the one a capability belongs to", () => {
    const hydra = {
      ...minimal,
      HYDRA_ADMIN_URL: "http://127.0.0.1:4545",
      HYDRA_PUBLIC_URL: "http://localhost:4544/",
      HYDRA_DEMO_RP_URL: "http://localhost:4546",
    };
    expect(has(parseTestConfig(hydra).config, "hydra")).toBe(true);
    const off = parseTestConfig({ ...hydra, FEATURES: "-hydra" }).config;
    expect(has(off, "hydra")).toBe(false);
    expect(skipReason("hydra", off)).toBe('the "hydra" feature is off (FEATURES=-hydra)');
  });
});
