import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { BRAND } from "@/brand/brand.mjs";
import { CATALOGS, SOURCES, withProduct } from "@/lib/i18n/catalogs";
import { LOCALES } from "@/lib/i18n/locales";
import kratosIds from "@/messages/kratos-ids.json";

// Kratos ids that need no entry, with why. Everything else in messages/kratos-ids.json must
// be worded in every catalog.
const NOT_SHOWN = new Set([
  // Range roots: Kratos numbers each group of messages from these, but never sends them.
  1010000, 1020000, 1030000, 1040000, 1050000, 1060000, 1070000, 1080000, 4000000, 4010000, 4040000, 4050000,
  4060000, 4070000, 5000000,
  // Declared in text/id.go, but no message of Kratos v1.3.1 uses them.
  1010020, 4060003, 4070004,
  // The text is a secret (the TOTP key, a backup code, the list of them): shown as it is.
  1050006, 1050009, 1050015,
]);

function flatten(o: object, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "string" ? [[`${prefix}${k}`, v]] : Object.entries(flatten(v as object, `${prefix}${k}.`)),
    ),
  );
}

/** ICU argument names (`{name}`, `{count, plural, …}`) and rich-text tags (`<strong>`). */
function placeholders(message: string): string[] {
  const args = [...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => `{${m[1]}}`);
  const tags = [...message.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...args, ...tags])].sort();
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(SOURCES[l])]));
const en = flat.en!;

describe("the message catalogs", () => {
  it("come from Kratos's own id list, with where it came from", () => {
    expect(kratosIds.source).toMatchObject({ module: "github.com/ory/kratos", version: "v1.3.1" });
    expect(kratosIds.source.files).toContain("text/id.go");
    expect(kratosIds.messages.length).toBeGreaterThan(100);
  });

  it.each(LOCALES)("%s words every Kratos message id (except the commented allow-list)", (locale) => {
    const missing = kratosIds.messages
      .filter((m) => !NOT_SHOWN.has(m.id) && flat[locale]![`kratos.${m.id}`] === undefined)
      .map((m) => `${m.id} ${m.name}`);
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)("%s has no Kratos entry for an id Kratos does not have", (locale) => {
    const known = new Set(kratosIds.messages.map((m) => `kratos.${m.id}`));
    expect(Object.keys(flat[locale]!).filter((k) => k.startsWith("kratos.") && !known.has(k))).toEqual([]);
  });

  it("allow-lists only ids that exist", () => {
    const ids = new Set(kratosIds.messages.map((m) => m.id));
    expect([...NOT_SHOWN].filter((id) => !ids.has(id))).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly the English keys", (locale) => {
    expect(Object.keys(flat[locale]!).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s uses the same placeholders as English", (locale) => {
    const differ = Object.keys(en).filter(
      (k) => placeholders(flat[locale]![k] ?? "").join() !== placeholders(en[k]!).join(),
    );
    expect(differ).toEqual([]);
  });

  it.each(LOCALES)("%s fills Kratos messages only from the message's context", (locale) => {
    const contextOf = new Map(kratosIds.messages.map((m) => [`kratos.${m.id}`, new Set(m.context)]));
    const unknown = Object.entries(flat[locale]!)
      .filter(([k]) => k.startsWith("kratos."))
      .flatMap(([k, v]) =>
        placeholders(v)
          .map((p) => p.slice(1, -1))
          .filter((p) => !contextOf.get(k)?.has(p))
          .map((p) => `${k}: ${p}`),
      );
    expect(unknown).toEqual([]);
  });

  it.each(LOCALES)("%s has no empty entry", (locale) => {
    expect(Object.entries(flat[locale]!).filter(([, v]) => !v.trim())).toEqual([]);
  });
});

describe("{product}, the brand's name in the catalogs", () => {
  const withIt = (locale: string) =>
    Object.keys(flat[locale]!).filter((k) => flat[locale]![k]!.includes("{product}"));

  it.each(LOCALES)("%s shows the brand's name wherever a message says {product}", (locale) => {
    const keys = withIt(locale);
    expect(keys.length).toBeGreaterThan(0);
    const t = createTranslator({ locale, messages: CATALOGS[locale] });
    for (const key of keys) expect(t(key as never), key).toContain(BRAND.name);
    expect(Object.values(flatten(CATALOGS[locale])).filter((v) => v.includes("{product}"))).toEqual([]);
  });

  it("keeps a name with an apostrophe as it is, and refuses ICU's syntax characters", () => {
    const messages = withProduct({ home: { title: "Welcome to {product}" } }, "Joe's Tools");
    expect(createTranslator({ locale: "en", messages })("home.title")).toBe("Welcome to Joe's Tools");
    expect(() => withProduct(messages, "A {b}")).toThrow(/cannot contain/);
    expect(() => withProduct(messages, "A <b>")).toThrow(/cannot contain/);
  });
});
