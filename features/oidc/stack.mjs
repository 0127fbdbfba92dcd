// The OIDC feature's part of the stacks (contract: features/README.md): a local OpenID provider
// (provider.mjs beside this file) for every profile, Kratos's `oidc` method with it as two
// providers, and the app's variables that go with them. FEATURES=-oidc leaves all of it out.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The local provider appears to Kratos as two providers (one client, two callback URLs), so
 * that both rows of the factor policy can be tried: "local" stands for a provider that also
 * hosts its users' mailboxes (like Google or Microsoft; listed in OIDC_MAILBOX_PROVIDERS), and
 * "local-sso" for one that does not (like GitHub or a company's single sign-on).
 */
export const LOCAL_OIDC = {
  clientId: "kratos-local-stack",
  providers: [
    { id: "local", label: "Local Mail" },
    { id: "local-sso", label: "Local SSO" },
  ],
  mailboxProviders: ["local"],
};

/** Kratos's callback for a provider: its public base URL (the app's BFF prefix) + the method's path. */
export const oidcRedirectUri = (appUrl, providerId) =>
  `${new URL(appUrl).origin}/api/kratos/self-service/methods/oidc/callback/${providerId}`;

/** Where the browser and Kratos reach the provider: through nginx over TLS in the cluster. */
const issuerOf = ({ settings, tls }) =>
  tls ? `https://127.0.0.1:${settings.ports.oidcHttps}` : `http://127.0.0.1:${settings.ports.oidc}`;

const feature = {
  name: "oidc",
  ports: {
    oidc: { dev: 4455, test: 4555, bench: 4655, cluster: 4755 },
    // The cluster's nginx in front of it, with the app's certificate.
    oidcHttps: { cluster: 4756 },
  },
  secrets: { oidcClientSecret: 32, oidcCookie: 32 },

  /** One `generic` provider per LOCAL_OIDC entry, found by discovery; claims mapped by claims.jsonnet. */
  kratos: (ctx) => ({
    selfservice: {
      methods: {
        oidc: {
          enabled: true,
          config: {
            providers: LOCAL_OIDC.providers.map((p) => ({
              id: p.id,
              provider: "generic",
              label: p.label,
              client_id: LOCAL_OIDC.clientId,
              client_secret: ctx.secrets.oidcClientSecret,
              issuer_url: issuerOf(ctx),
              mapper_url: `file://${path.join(here, "claims.jsonnet")}`,
              scope: ["openid", "email", "profile"],
            })),
          },
        },
      },
    },
  }),

  services: (ctx) => {
    const { ports } = ctx.settings;
    const settings = {
      port: ports.oidc,
      clientId: LOCAL_OIDC.clientId,
      clientSecret: ctx.secrets.oidcClientSecret,
      cookieKey: ctx.secrets.oidcCookie,
      redirectUris: LOCAL_OIDC.providers.map((p) => oidcRedirectUri(ctx.settings.appUrl, p.id)),
      publicUrl: ctx.tls ? issuerOf(ctx) : undefined,
    };
    return [
      {
        name: "the local OpenID provider",
        cmd: process.execPath,
        args: [path.join(here, "provider.mjs"), JSON.stringify(settings)],
        logFile: path.join(ctx.settings.dataDir, "oidc.log"),
        // Its own port, not the https one: nginx in front of it starts later.
        ready: { url: `http://127.0.0.1:${ports.oidc}/.well-known/openid-configuration` },
        banner: `OpenID     ${issuerOf(ctx)}   (the local provider behind "Local Mail" and "Local SSO")`,
      },
    ];
  },

  /** The cluster's nginx serves the provider over the run's TLS too (the app's pages post to it). */
  nginx: (ctx, fill) => ({
    servers: fill(path.join(here, "nginx.conf.template"), {
      LISTEN: `127.0.0.1:${ctx.settings.ports.oidcHttps}`,
      SERVER_NAME: "127.0.0.1",
      UPSTREAM: `127.0.0.1:${ctx.settings.ports.oidc}`,
    }),
    ready: `${issuerOf(ctx)}/.well-known/openid-configuration`,
  }),

  appEnv: (ctx) => ({
    // The provider's sign-in page is a form-action target (Kratos redirects a form post there).
    OIDC_PROVIDER_ORIGINS: new URL(issuerOf(ctx)).origin,
    // It stands in for a provider that hosts its users' mailboxes (docs/security.md, the factor policy).
    OIDC_MAILBOX_PROVIDERS: LOCAL_OIDC.mailboxProviders.join(","),
  }),

  /** What the e2e suite learns: its @oidc tests sign in there. */
  testEnv: (ctx) => ({ OIDC_TEST_PROVIDER_URL: issuerOf(ctx) }),
};

export default feature;
