// The hydra feature's stack module (features/README.md): its addresses by profile, Hydra's
// configuration, and the cluster's nginx, which must serve Hydra's public endpoints and nothing
// else of Hydra. Pure: nothing is started.
import { describe, expect, it } from "vitest";
import hydra, { hydraConfig, hydraUrls } from "./stack.mjs";
import { stackSettings } from "../../scripts/profiles.mjs";
import { fillTemplate, nginxConfig } from "../../scripts/cluster.mjs";

const secrets = { hydraSystem: "h".repeat(64), hydraDemoRp: "r".repeat(48) };

function contextOf(profile: "dev" | "test" | "bench" | "cluster") {
  const settings = stackSettings(profile, [hydra], {});
  const cluster = profile === "cluster";
  return {
    profile,
    settings,
    secrets,
    uiKit: "ui",
    tls: cluster,
    certFile: cluster ? "/run/tls/cert.pem" : undefined,
    log: () => {},
  };
}

/** The `location` blocks of a server block: exact path → what it does. */
function locations(server: string): Record<string, string> {
  return Object.fromEntries(
    [...server.matchAll(/location\s+(=\s+)?(\S+)\s*\{([^}]*)\}/g)].map(([, exact, p, body]) => [
      `${exact ? "= " : ""}${p}`,
      body!.trim(),
    ]),
  );
}

describe("the hydra feature's stack module", () => {
  it("runs Hydra on loopback with an http issuer (--dev) outside the cluster", () => {
    const ctx = contextOf("test");
    expect(hydraUrls(ctx)).toEqual({
      issuer: "http://localhost:4544/",
      adminUrl: "http://127.0.0.1:4545",
      demoRpUrl: "http://localhost:4546",
    });
    const config = hydraConfig(ctx);
    expect(config.serve.public).toEqual({ host: "127.0.0.1", port: 4544 });
    expect(config.serve.admin).toEqual({ host: "127.0.0.1", port: 4545 });
    expect(config.urls).toMatchObject({ login: "http://localhost:3100/oauth2/login" });
    const [server, rp] = hydra.services(ctx);
    expect(server!.args).toContain("--dev");
    expect(server!.env).toEqual({ DSN: "memory" });
    expect(rp!.env).toEqual({});
    expect(hydra.appEnv(ctx)).toEqual({ HYDRA_ADMIN_URL: "http://127.0.0.1:4545" });
  });

  it("keeps dev's clients and consents in SQLite", () => {
    const [server] = hydra.services(contextOf("dev"));
    expect(server!.env!.DSN).toMatch(/^sqlite:\/\/.*hydra\.sqlite\?_fk=true$/);
  });

  it("in the cluster: an https issuer through nginx, Hydra without --dev, the demo RP trusting the run's certificate", () => {
    const ctx = contextOf("cluster");
    expect(hydraUrls(ctx).issuer).toBe("https://localhost:4747/");
    expect(hydraConfig(ctx).urls.self.issuer).toBe("https://localhost:4747/");
    expect(hydraConfig(ctx).urls).toMatchObject({ consent: "https://localhost:3443/oauth2/consent" });
    const [server, rp] = hydra.services(ctx);
    expect(server!.args).not.toContain("--dev");
    expect(rp!.env).toEqual({ NODE_EXTRA_CA_CERTS: "/run/tls/cert.pem" });
    expect(hydra.appEnv(ctx)).toEqual({ HYDRA_ADMIN_URL: "http://127.0.0.1:4745" });
    expect(hydra.testEnv(ctx)).toEqual({
      HYDRA_ADMIN_URL: "http://127.0.0.1:4745",
      HYDRA_PUBLIC_URL: "https://localhost:4747/",
      HYDRA_DEMO_RP_URL: "http://localhost:4746",
    });
  });

  it("puts exactly Hydra's public endpoints behind the cluster's nginx, and never its admin API", () => {
    const ctx = contextOf("cluster");
    const front = hydra.nginx(ctx, fillTemplate);
    expect(front.ready).toBe("https://localhost:4747/.well-known/openid-configuration");
    const conf = nginxConfig({
      runtimeDir: "/run",
      listen: "127.0.0.1:3443",
      certFile: "/run/cert.pem",
      keyFile: "/run/key.pem",
      upstreams: ["127.0.0.1:3301"],
      testServers: front.servers,
    });
    expect(conf).toContain(front.servers);
    expect(front.servers).toContain("listen 127.0.0.1:4747 ssl");
    const proxied = "proxy_pass http://127.0.0.1:4744;";
    expect(locations(front.servers)).toEqual({
      "= /.well-known/openid-configuration": proxied,
      "= /.well-known/jwks.json": proxied,
      "= /oauth2/auth": proxied,
      "= /oauth2/token": proxied,
      "= /oauth2/revoke": proxied,
      "= /userinfo": proxied,
      "= /oauth2/sessions/logout": proxied,
      "/": "return 404;",
    });
    expect(conf).not.toContain(`:${ctx.settings.ports.hydraAdmin}`);
  });

  it("has ports in every profile, none shared with the core's or between profiles", () => {
    const all = (["dev", "test", "bench", "cluster"] as const).flatMap((p) =>
      Object.values(stackSettings(p, [hydra], {}).ports),
    );
    expect(new Set(all).size).toBe(all.length);
  });
});
