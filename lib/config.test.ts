import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/lib/policy/rateLimitRules";
import {
  ConfigError,
  DEFAULT_PRIVILEGED_SESSION_MAX_AGE,
  goDurationSeconds,
  parseConfig,
  secretWeakness,
  UI_KITS,
} from "@/lib/config";
import { VARIABLE_LIST, defaultText, isAppVariable, isRequired, isSecret } from "@/lib/envVariables";

// 64 hex characters, like `openssl rand -hex 32` prints.
const GOOD_SECRET = "3f9a1c7e5b2d8064af13ce97b5d2086e4c1a7f3b9e2d5c8061fa4b7e3d9c2a15";

function env(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    APP_URL: "http://localhost:3000",
    KRATOS_PUBLIC_URL: "http://127.0.0.1:4433",
    KRATOS_ADMIN_URL: "http://127.0.0.1:4434",
    SESSION_SECRET: GOOD_SECRET,
    NOTIFY_WEBHOOK_SECRET: GOOD_SECRET.split("").reverse().join(""),
    NOTIFY_SMTP_URL: "smtp://127.0.0.1:1025",
    ...overrides,
  };
}

/** The ConfigError parseConfig throws, failing the test if it throws nothing or something else. */
function configErrorOf(e: Record<string, string | undefined>): ConfigError {
  let thrown: unknown;
  try {
    parseConfig(e);
  } catch (err) {
    thrown = err;
  }
  if (thrown === undefined) throw new Error("parseConfig accepted an invalid configuration");
  expect(thrown).toBeInstanceOf(ConfigError);
  return thrown as ConfigError;
}

const problemsOf = (e: Record<string, string | undefined>): string[] => configErrorOf(e).problems;

describe("parseConfig: the notifications feature", () => {
  it("refuses to start without its webhook secret or SMTP URL while it is on", () => {
    const problems = problemsOf(env({ NOTIFY_WEBHOOK_SECRET: undefined, NOTIFY_SMTP_URL: undefined }));
    expect(problems).toContainEqual(expect.stringMatching(/^NOTIFY_WEBHOOK_SECRET is missing/));
    expect(problems).toContainEqual(expect.stringMatching(/^NOTIFY_SMTP_URL is missing/));
  });

  it("refuses a weak webhook secret without echoing it, and a URL that is not SMTP", () => {
    const problems = problemsOf(env({ NOTIFY_WEBHOOK_SECRET: "changeme", NOTIFY_SMTP_URL: "http://mail" }));
    expect(problems).toContain("NOTIFY_WEBHOOK_SECRET is 8 characters; at least 32 are required");
    expect(problems).toContain("NOTIFY_SMTP_URL must be an smtp:// or smtps:// URL");
    expect(problems.join(" ")).not.toContain("changeme");
  });

  it("needs neither while FEATURES turns it off", () => {
    const off = env({
      FEATURES: "-notifications",
      NOTIFY_WEBHOOK_SECRET: undefined,
      NOTIFY_SMTP_URL: undefined,
    });
    expect(parseConfig(off).features).not.toContain("notifications");
  });
});

describe("parseConfig", () => {
  describe("a valid environment", () => {
    it("parses with defaults", () => {
      const c = parseConfig(env());
      expect(c.appUrl.href).toBe("http://localhost:3000/");
      expect(c.kratosPublicUrl.href).toBe("http://127.0.0.1:4433/");
      expect(c.kratosAdminUrl.href).toBe("http://127.0.0.1:4434/");
      expect(c.sessionSecret).toBe(GOOD_SECRET);
      expect(c.sessionCacheTtlSeconds).toBe(30);
      expect(c.kratosTimeoutMs).toBe(5000);
      expect(c.enrollmentGate).toBe(true);
      expect(c.returnToOrigins).toEqual([]);
      expect(c.supportContact).toBe("your administrator");
      expect(c.secureCookies).toBe(false);
    });

    it("sets secure cookies for an https APP_URL", () => {
      expect(parseConfig(env({ APP_URL: "https://auth.example.test" })).secureCookies).toBe(true);
    });

    it("trims URLs and keeps a path on the Kratos URL", () => {
      const c = parseConfig(env({ KRATOS_PUBLIC_URL: "  http://kratos.internal:4433/public  " }));
      expect(c.kratosPublicUrl.href).toBe("http://kratos.internal:4433/public");
    });

    it("reads the optional settings", () => {
      const c = parseConfig(
        env({
          SESSION_CACHE_TTL_SECONDS: "0",
          KRATOS_TIMEOUT_MS: " 60000 ",
          ENROLLMENT_GATE: "off",
          SUPPORT_CONTACT: "  help@example.test ",
        }),
      );
      expect(c.sessionCacheTtlSeconds).toBe(0);
      expect(c.kratosTimeoutMs).toBe(60000);
      expect(c.enrollmentGate).toBe(false);
      expect(c.supportContact).toBe("help@example.test");
    });

    it("treats empty optional settings as unset", () => {
      const c = parseConfig(
        env({
          SESSION_CACHE_TTL_SECONDS: "",
          KRATOS_TIMEOUT_MS: "  ",
          ENROLLMENT_GATE: "",
          SUPPORT_CONTACT: " ",
        }),
      );
      expect(c.sessionCacheTtlSeconds).toBe(30);
      expect(c.kratosTimeoutMs).toBe(5000);
      expect(c.enrollmentGate).toBe(true);
      expect(c.supportContact).toBe("your administrator");
    });
  });

  describe("SESSION_SECRET", () => {
    it.each<[string, string | undefined]>([
      ["missing", undefined],
      ["empty", ""],
      ["short", "k3Jx9QvT2mWb7LpZ"],
      ["31 characters", GOOD_SECRET.slice(0, 31)],
      ["a placeholder", `changeme-${GOOD_SECRET.slice(0, 30)}`],
      ["a placeholder in capitals", `${GOOD_SECRET.slice(0, 20)}PASSWORD${GOOD_SECRET.slice(0, 20)}`],
      ["low variety", "a".repeat(40)],
      ["low variety (two characters)", "ab".repeat(20)],
    ])("is refused when %s", (_name, secret) => {
      const problems = problemsOf(env({ SESSION_SECRET: secret }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^SESSION_SECRET /);
    });

    it("says why", () => {
      expect(problemsOf(env({ SESSION_SECRET: undefined }))[0]).toContain("missing");
      expect(problemsOf(env({ SESSION_SECRET: "short" }))[0]).toContain("at least 32");
      expect(problemsOf(env({ SESSION_SECRET: `changeme${GOOD_SECRET}` }))[0]).toContain("placeholder");
      expect(problemsOf(env({ SESSION_SECRET: "a".repeat(40) }))[0]).toContain("distinct characters");
    });

    it("does not echo the secret in the error message", () => {
      const secret = `changeme-${GOOD_SECRET}`;
      const err = configErrorOf(env({ SESSION_SECRET: secret }));
      expect(err.problems).toHaveLength(1);
      expect(err.message).not.toContain(secret);
      expect(err.problems.join("\n")).not.toContain(GOOD_SECRET.slice(0, 12));
    });
  });

  describe("secretWeakness", () => {
    it("accepts 32 random characters", () => {
      expect(secretWeakness(GOOD_SECRET.slice(0, 32))).toBeNull();
      expect(secretWeakness(GOOD_SECRET)).toBeNull();
    });

    it("refuses 31 characters", () => {
      expect(secretWeakness(GOOD_SECRET.slice(0, 31))).toContain("31 characters");
    });

    it.each(["changeme", "secret", "password", "please-change-me", "development"])(
      "refuses a long secret containing %s",
      (word) => {
        expect(secretWeakness(`${GOOD_SECRET}${word.toUpperCase()}`)).toContain("placeholder");
      },
    );

    it("refuses fewer than 10 distinct characters, accepts 10", () => {
      expect(secretWeakness("012345678".repeat(4))).toContain("distinct");
      expect(secretWeakness("0123456789".repeat(4))).toBeNull();
    });
  });

  it("reports several problems at once", () => {
    const problems = problemsOf({
      APP_URL: "not a url",
      KRATOS_PUBLIC_URL: "http://127.0.0.1:4433",
      SESSION_SECRET: "short",
      SESSION_CACHE_TTL_SECONDS: "soon",
      ENROLLMENT_GATE: "maybe",
      FEATURES: "-notifications",
    });
    expect(problems).toHaveLength(5);
    expect(problems.some((p) => p.startsWith("APP_URL is not a valid URL"))).toBe(true);
    expect(problems).toContain("KRATOS_ADMIN_URL is missing");
    expect(problems.some((p) => p.startsWith("SESSION_SECRET"))).toBe(true);
    expect(problems.some((p) => p.startsWith("SESSION_CACHE_TTL_SECONDS"))).toBe(true);
    expect(problems.some((p) => p.startsWith("ENROLLMENT_GATE"))).toBe(true);
  });

  it("lists the problems in the error message", () => {
    const err = configErrorOf(env({ APP_URL: undefined, SESSION_SECRET: undefined }));
    expect(err.name).toBe("ConfigError");
    expect(err.problems).toHaveLength(2);
    expect(err.message).toContain("APP_URL is missing");
    expect(err.message).toContain("SESSION_SECRET is missing");
  });

  describe("URLs", () => {
    it.each(["APP_URL", "KRATOS_PUBLIC_URL", "KRATOS_ADMIN_URL"])("requires %s", (name) => {
      expect(problemsOf(env({ [name]: undefined }))).toEqual([`${name} is missing`]);
      expect(problemsOf(env({ [name]: "   " }))).toEqual([`${name} is missing`]);
    });

    it.each<[string, string, RegExp]>([
      ["APP_URL", "localhost:3000", /^APP_URL must be an http\(s\) URL/],
      ["APP_URL", "not a url", /^APP_URL is not a valid URL/],
      ["KRATOS_PUBLIC_URL", "ftp://kratos:4433", /^KRATOS_PUBLIC_URL must be an http\(s\) URL/],
      ["KRATOS_ADMIN_URL", "javascript:alert(1)", /^KRATOS_ADMIN_URL must be an http\(s\) URL/],
      ["KRATOS_ADMIN_URL", "http://", /^KRATOS_ADMIN_URL is not a valid URL/],
    ])("refuses %s=%s", (name, value, pattern) => {
      const problems = problemsOf(env({ [name]: value }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(pattern);
    });
  });

  describe("integers", () => {
    it.each<[string, string]>([
      ["SESSION_CACHE_TTL_SECONDS", "abc"],
      ["SESSION_CACHE_TTL_SECONDS", "1.5"],
      ["SESSION_CACHE_TTL_SECONDS", "-1"],
      ["SESSION_CACHE_TTL_SECONDS", "3601"],
      ["SESSION_CACHE_TTL_SECONDS", "Infinity"],
      ["SESSION_CACHE_TTL_SECONDS", "NaN"],
      ["KRATOS_TIMEOUT_MS", "99"],
      ["KRATOS_TIMEOUT_MS", "60001"],
      ["KRATOS_TIMEOUT_MS", "5s"],
    ])("refuses %s=%s", (name, value) => {
      const problems = problemsOf(env({ [name]: value }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(name);
      expect(problems[0]).toContain(`"${value}"`);
    });

    it("accepts the bounds", () => {
      expect(parseConfig(env({ SESSION_CACHE_TTL_SECONDS: "3600" })).sessionCacheTtlSeconds).toBe(3600);
      expect(parseConfig(env({ KRATOS_TIMEOUT_MS: "100" })).kratosTimeoutMs).toBe(100);
    });
  });

  describe("booleans", () => {
    it.each(["1", "true", "TRUE", "yes", "On"])("reads %s as true", (value) => {
      expect(parseConfig(env({ ENROLLMENT_GATE: value })).enrollmentGate).toBe(true);
    });

    it.each(["0", "false", "No", " off "])("reads %j as false", (value) => {
      expect(parseConfig(env({ ENROLLMENT_GATE: value })).enrollmentGate).toBe(false);
    });

    it.each(["maybe", "2", "enabled", "t"])("refuses %s", (value) => {
      const problems = problemsOf(env({ ENROLLMENT_GATE: value }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^ENROLLMENT_GATE must be true or false/);
    });
  });

  describe("OIDC_PROVIDER_ORIGINS and OIDC_MAILBOX_PROVIDERS", () => {
    it("reads the providers' origins and the mailbox providers into the factor policy", () => {
      const c = parseConfig(
        env({
          OIDC_PROVIDER_ORIGINS: "https://accounts.google.com/o/oauth2, http://127.0.0.1:4555",
          OIDC_MAILBOX_PROVIDERS: " google, local ,",
        }),
      );
      expect(c.oidcProviderOrigins).toEqual(["https://accounts.google.com", "http://127.0.0.1:4555"]);
      expect(c.factorPolicy.mailboxProviders).toEqual(["google", "local"]);
    });

    it("defaults to none", () => {
      const c = parseConfig(env());
      expect(c.oidcProviderOrigins).toEqual([]);
      expect(c.factorPolicy.mailboxProviders).toEqual([]);
    });

    it("names entries that are not origins or provider ids", () => {
      const problems = problemsOf(env({ OIDC_PROVIDER_ORIGINS: "accounts", OIDC_MAILBOX_PROVIDERS: "a b" }));
      expect(problems).toContain(
        'OIDC_PROVIDER_ORIGINS has an entry that is not an http(s) origin: "accounts"',
      );
      expect(problems).toContain(
        'OIDC_MAILBOX_PROVIDERS has an entry that is not a Kratos provider id: "a b"',
      );
    });
  });

  describe("RETURN_TO_ALLOWED_ORIGINS", () => {
    it("parses a comma-separated list into origins, ignoring blanks and paths", () => {
      const c = parseConfig(
        env({
          RETURN_TO_ALLOWED_ORIGINS: " https://docs.example.test , ,http://app.example.test:8080/path?x=1,",
        }),
      );
      expect(c.returnToOrigins).toEqual(["https://docs.example.test", "http://app.example.test:8080"]);
    });

    it("is empty when unset or blank", () => {
      expect(parseConfig(env({ RETURN_TO_ALLOWED_ORIGINS: " , " })).returnToOrigins).toEqual([]);
    });

    it.each(["docs.example.test", "ftp://files.example.test", "javascript:alert(1)", "*"])(
      "refuses the entry %s",
      (entry) => {
        const problems = problemsOf(env({ RETURN_TO_ALLOWED_ORIGINS: `https://ok.example.test,${entry}` }));
        expect(problems).toEqual([
          `RETURN_TO_ALLOWED_ORIGINS has an entry that is not an http(s) origin: "${entry}"`,
        ]);
      },
    );
  });

  describe("NODE_ENV=production", () => {
    it("refuses an http APP_URL that is not localhost", () => {
      const problems = problemsOf(env({ NODE_ENV: "production", APP_URL: "http://auth.example.test" }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^APP_URL must be https in production/);
    });

    it("accepts https", () => {
      const c = parseConfig(env({ NODE_ENV: "production", APP_URL: "https://auth.example.test" }));
      expect(c.secureCookies).toBe(true);
    });

    it("accepts http on localhost and 127.0.0.1", () => {
      expect(
        parseConfig(env({ NODE_ENV: "production", APP_URL: "http://localhost:3000" })).secureCookies,
      ).toBe(false);
      expect(
        parseConfig(env({ NODE_ENV: "production", APP_URL: "http://127.0.0.1:3000" })).secureCookies,
      ).toBe(false);
    });

    it("does not apply outside production", () => {
      expect(
        parseConfig(env({ NODE_ENV: "development", APP_URL: "http://auth.example.test" })).appUrl.host,
      ).toBe("auth.example.test");
    });
  });
});

describe("rate limit settings", () => {
  it("are on, in memory, and do not trust X-Forwarded-For by default", () => {
    const c = parseConfig(env());
    expect(c.rateLimits).toBe(true);
    expect(c.redisUrl).toBeUndefined();
    expect(c.trustProxy).toBe(false);
  });

  it("read RATE_LIMITS, TRUST_PROXY and REDIS_URL", () => {
    const c = parseConfig(
      env({ RATE_LIMITS: "false", TRUST_PROXY: "true", REDIS_URL: "redis://127.0.0.1:6379/2" }),
    );
    expect(c.rateLimits).toBe(false);
    expect(c.trustProxy).toBe(true);
    expect(c.redisUrl).toBe("redis://127.0.0.1:6379/2");
  });

  it("refuse a REDIS_URL that is not redis:// or rediss://", () => {
    expect(problemsOf(env({ REDIS_URL: "http://127.0.0.1:6379" })).join("\n")).toMatch(/REDIS_URL/);
  });
});

describe("the per-flow rate limit", () => {
  it("lasts as long as a login flow in kratos/kratos.yml, so it caps a flow for its whole life", () => {
    const yml = readFileSync(path.join(__dirname, "..", "kratos", "kratos.yml"), "utf8");
    const lifespan = /^\s+login:\n\s+lifespan:\s*(\S+)\s*$/m.exec(yml)?.[1];
    expect(lifespan).toBeDefined();
    expect(RATE_LIMITS.flow.durationSeconds).toBeGreaterThanOrEqual(goDurationSeconds(lifespan!)!);
  });
});

describe("PRIVILEGED_SESSION_MAX_AGE", () => {
  it("defaults to the value in kratos/kratos.yml", () => {
    const yml = readFileSync(path.join(__dirname, "..", "kratos", "kratos.yml"), "utf8");
    const kratosValue = /^\s+privileged_session_max_age:\s*(\S+)\s*$/m.exec(yml)?.[1];
    expect(kratosValue).toBe(DEFAULT_PRIVILEGED_SESSION_MAX_AGE);
    expect(parseConfig(env()).privilegedSessionMaxAgeSeconds).toBe(goDurationSeconds(kratosValue!));
  });

  it.each([
    ["15m", 900],
    ["1h30m", 5400],
    ["900s", 900],
    ["2h", 7200],
  ])("reads the Go duration %s", (value, seconds) => {
    expect(parseConfig(env({ PRIVILEGED_SESSION_MAX_AGE: value })).privilegedSessionMaxAgeSeconds).toBe(
      seconds,
    );
  });

  it.each(["15", "15min", "-5m", "0s", "1.5h", "m"])("refuses %s", (value) => {
    expect(problemsOf(env({ PRIVILEGED_SESSION_MAX_AGE: value })).join("\n")).toMatch(
      /PRIVILEGED_SESSION_MAX_AGE must be a Go duration/,
    );
  });
});

describe("UI_KIT", () => {
  it("is the app's own UI unless set to elements (any case, surrounding spaces aside)", () => {
    expect(parseConfig(env()).uiKit).toBe("ui");
    expect(parseConfig(env({ UI_KIT: "" })).uiKit).toBe("ui");
    expect(parseConfig(env({ UI_KIT: " Elements " })).uiKit).toBe("elements");
  });

  it("refuses anything else, naming the choices", () => {
    expect(problemsOf(env({ UI_KIT: "ory" }))).toEqual(['UI_KIT must be ui or elements, got "ory"']);
  });
});

describe("the variable table (lib/envVariables.ts)", () => {
  const appVariables = VARIABLE_LIST.filter(isAppVariable);

  it("gives every app variable a setting of getConfig() (the mailbox providers in the factor policy)", () => {
    const config = parseConfig(env());
    const settings = appVariables.map((v) => v.setting).filter((s) => s !== "mailboxProviders");
    expect(settings.length).toBeGreaterThan(10);
    expect(Object.keys(config).sort()).toEqual([...settings, "factorPolicy", "secureCookies"].sort());
  });

  it.each(appVariables.filter((v) => defaultText(v) !== undefined).map((v) => [v.name, v] as const))(
    "%s: its declared default is what an unset variable gets, and parses as itself",
    (name, v) => {
      const setting = v.setting as keyof ReturnType<typeof parseConfig>;
      // The notifications feature requires its own while it is on (tested above).
      const own = v.feature === "notifications" ? { FEATURES: "-notifications" } : {};
      const unset = parseConfig(env({ ...own, [name]: undefined }))[setting];
      expect(parseConfig(env({ ...own, [name]: defaultText(v) }))[setting]).toEqual(unset);
    },
  );

  it("requires exactly the URLs and the secret, and names every one missing", () => {
    expect(appVariables.filter(isRequired).map((v) => v.name)).toEqual([
      "APP_URL",
      "KRATOS_PUBLIC_URL",
      "KRATOS_ADMIN_URL",
      "SESSION_SECRET",
    ]);
    const problems = problemsOf({ FEATURES: "-notifications" });
    expect(problems.map((p) => p.split(" ")[0])).toEqual(appVariables.filter(isRequired).map((v) => v.name));
  });

  it("marks the secrets as secrets, and nothing else", () => {
    expect(VARIABLE_LIST.filter(isSecret).map((v) => v.name)).toEqual([
      "SESSION_SECRET",
      "NOTIFY_WEBHOOK_SECRET",
      "NOTIFY_SMTP_URL",
    ]);
  });

  it("offers UI_KIT's choices as UI_KITS", () => {
    expect(UI_KITS).toEqual(["ui", "elements"]);
  });

  it("sets REDIS_URL's setting to undefined when unset", () => {
    const config = parseConfig(env());
    expect("redisUrl" in config && config.redisUrl === undefined).toBe(true);
  });
});

describe("FEATURES", () => {
  it("runs every feature unless told otherwise", () => {
    expect(parseConfig(env()).features).toEqual([
      "oidc",
      "elements",
      "enrollment-gate",
      "account-deletion",
      "hydra",
      "notifications",
    ]);
    expect(parseConfig(env({ FEATURES: "-oidc" })).features).toEqual([
      "elements",
      "enrollment-gate",
      "account-deletion",
      "hydra",
      "notifications",
    ]);
    expect(parseConfig(env({ FEATURES: "none" })).features).toEqual([]);
  });

  it("refuses to start on a value it cannot read, naming it", () => {
    expect(problemsOf(env({ FEATURES: "oidc,sso" }))).toEqual([
      "FEATURES names unknown feature(s) sso; known: oidc, elements, enrollment-gate, account-deletion, hydra, notifications",
    ]);
  });

  it("refuses UI_KIT=elements without the elements feature", () => {
    expect(problemsOf(env({ FEATURES: "-elements", UI_KIT: "elements" }))).toEqual([
      'UI_KIT is "elements" but FEATURES turns elements off: set UI_KIT=ui or add elements to FEATURES',
    ]);
    expect(parseConfig(env({ FEATURES: "elements", UI_KIT: "elements" })).uiKit).toBe("elements");
  });

  it("drops an off feature's settings: OIDC's origins and mailbox providers, the enrollment gate", () => {
    const on = env({
      OIDC_PROVIDER_ORIGINS: "https://accounts.example.test",
      OIDC_MAILBOX_PROVIDERS: "google",
    });
    expect(parseConfig(on).oidcProviderOrigins).toEqual(["https://accounts.example.test"]);
    expect(parseConfig(on).factorPolicy.mailboxProviders).toEqual(["google"]);
    const off = parseConfig({ ...on, FEATURES: "-oidc,-enrollment-gate" });
    expect(off.oidcProviderOrigins).toEqual([]);
    expect(off.factorPolicy.mailboxProviders).toEqual([]);
    expect(off.enrollmentGate).toBe(false);
  });
});
