// The notifications feature's part of the stacks (contract: features/README.md): Kratos's
// after-hooks that report security events to the app, the webhook secret they authenticate with,
// and the app's SMTP settings (the stack's mail catcher). FEATURES=-notifications leaves all of it out.
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

// The app path the hooks call (policy/routes.ts HOOK_PATH; a stack module imports no TypeScript).
export const HOOK_PATH = "/api/hooks/security-event";

/** First-factor sign-ins (a step-up to aal2 is the same device, already told about). */
const LOGIN_METHODS = ["password", "passkey", "webauthn", "oidc", "code"];
/** The settings methods whose change is mailed (policy/credentialChanges.ts SETTINGS_METHODS). */
const SETTINGS_METHODS = ["password", "totp", "webauthn", "passkey", "lookup_secret", "oidc"];

/**
 * Where Kratos reaches the app: its own port on loopback, or in the cluster app A's (Kratos and
 * the instances share the host; the queue and the repeat filter are in Redis, so either instance
 * will do).
 */
const appOrigin = ({ settings, tls }) => `http://127.0.0.1:${tls ? settings.ports.appA : settings.ports.app}`;

/**
 * One web_hook. `response.ignore`: Kratos v1.3.1 sends it from a goroutine and returns at once,
 * logging a failure as a warning (selfservice/hook/web_hook.go execute()), so a slow or failing app
 * never delays or fails the action. The secret travels as `Authorization`, which Kratos's logger
 * redacts (ory/x logrusx HTTPHeadersRedacted); a custom header would be logged in clear.
 */
export function webHook(ctx, query) {
  return {
    hook: "web_hook",
    config: {
      url: `${appOrigin(ctx)}${HOOK_PATH}?${new URLSearchParams(query)}`,
      method: "POST",
      body: `file://${path.join(here, "hooks", "body.jsonnet")}`,
      response: { ignore: true },
      auth: {
        type: "api_key",
        config: { name: "Authorization", value: `Bearer ${ctx.secrets.notifyWebhook}`, in: "header" },
      },
    },
  };
}

const feature = {
  name: "notifications",
  secrets: { notifyWebhook: 32 },

  kratos: (ctx) => ({
    selfservice: {
      flows: {
        login: {
          after: Object.fromEntries(
            LOGIN_METHODS.map((m) => [m, { hooks: [webHook(ctx, { flow: "login" })] }]),
          ),
        },
        // Registration's device becomes a known one. Kratos replaces a list from a later config
        // file whole, so these repeat kratos/kratos.yml's hooks (the webhook first: Kratos stops
        // at a hook that ends the request, and `session` does for API flows).
        registration: {
          after: {
            password: {
              hooks: [
                webHook(ctx, { flow: "registration" }),
                { hook: "session" },
                { hook: "show_verification_ui" },
              ],
            },
            passkey: {
              hooks: [
                webHook(ctx, { flow: "registration" }),
                { hook: "session" },
                { hook: "show_verification_ui" },
              ],
            },
            oidc: { hooks: [webHook(ctx, { flow: "registration" }), { hook: "session" }] },
          },
        },
        recovery: { after: { hooks: [webHook(ctx, { flow: "recovery" })] } },
        settings: {
          after: Object.fromEntries(
            SETTINGS_METHODS.map((m) => [m, { hooks: [webHook(ctx, { flow: "settings", method: m })] }]),
          ),
        },
      },
    },
  }),

  appEnv: (ctx) => ({
    NOTIFY_WEBHOOK_SECRET: ctx.secrets.notifyWebhook,
    NOTIFY_SMTP_URL: `smtp://127.0.0.1:${ctx.settings.ports.smtp}`,
  }),

  /** The suite calls the hook as Kratos does (a repeat is ignored). */
  testEnv: (ctx) => ({ NOTIFY_WEBHOOK_SECRET: ctx.secrets.notifyWebhook }),
};

export default feature;
