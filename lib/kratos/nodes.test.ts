import type { UiNode } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import { DEFAULT_FACTOR_POLICY, type AmrEntry, type FactorPolicy } from "@/lib/policy/factors";
import {
  choiceKey,
  filterStepUpNodes,
  identifierFirstStep,
  identifierFirstValue,
  inputName,
  isHiddenInput,
  isInput,
  labelOf,
  loginNodes,
  methodGroups,
  nodeKey,
  splitIntoForms,
  withPageScripts,
} from "@/lib/kratos/nodes";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { servedByBff } from "@/lib/http/paths";
import { localizeUi, lookupIn } from "@/lib/i18n/kratosText";

// Fixtures shaped like Kratos v1.3.1 `ui.nodes` JSON (see Kratos's own snapshots).

interface InputSpec {
  name: string;
  type: string;
  value?: unknown;
  required?: boolean;
  label?: { id: number; text: string };
}

function input(group: string, spec: InputSpec): UiNode {
  return {
    type: "input",
    group,
    attributes: {
      name: spec.name,
      type: spec.type,
      ...(spec.value !== undefined ? { value: spec.value } : {}),
      ...(spec.required ? { required: true } : {}),
      disabled: false,
      node_type: "input",
    },
    messages: [],
    meta: spec.label ? { label: { ...spec.label, type: "info" } } : {},
  } as unknown as UiNode;
}

function script(group: string, id: string): UiNode {
  return {
    type: "script",
    group,
    attributes: {
      id,
      src: "http://127.0.0.1:4433/.well-known/ory/webauthn.js",
      async: true,
      referrerpolicy: "no-referrer",
      crossorigin: "anonymous",
      integrity:
        "sha512-MDzBlwh32rr+eus2Yf1BetIj94m+ULLbewYDulbZjczycs81klNed+qQWG2yi2N03KV5uZlRJJtWdV2x9JNHzQ==",
      type: "text/javascript",
      nonce: "",
      node_type: "script",
    },
    messages: [],
    meta: {},
  } as unknown as UiNode;
}

function text(group: string, id: string, body: string): UiNode {
  return {
    type: "text",
    group,
    attributes: { id, text: { id: 1050006, text: body, type: "info" }, node_type: "text" },
    messages: [],
    meta: {},
  } as unknown as UiNode;
}

const csrf = input("default", { name: "csrf_token", type: "hidden", value: "csrf-value", required: true });
const hiddenIdentifier = input("default", { name: "identifier", type: "hidden", value: "a@example.test" });

/** A v1.3.1 registration flow with password and passkey (node order as Kratos sends it). */
/** The password group's field and its submit button, labelled `submit`. */
function passwordFields(submit: { id: number; text: string }): UiNode[] {
  return [
    input("password", {
      name: "password",
      type: "password",
      required: true,
      label: { id: 1070001, text: "Password" },
    }),
    input("password", { name: "method", type: "submit", value: "password", label: submit }),
  ];
}

function registrationNodes(): UiNode[] {
  return [
    input("default", {
      name: "traits.email",
      type: "email",
      required: true,
      label: { id: 1070002, text: "Email" },
    }),
    input("default", { name: "traits.name", type: "text", label: { id: 1070002, text: "Full name" } }),
    csrf,
    script("webauthn", "webauthn_script"),
    input("passkey", { name: "passkey_register", type: "hidden", value: "" }),
    input("passkey", {
      name: "passkey_register_trigger",
      type: "button",
      label: { id: 1040007, text: "Sign up with passkey" },
    }),
    input("passkey", { name: "passkey_create_data", type: "hidden", value: "{}" }),
    ...passwordFields({ id: 1040001, text: "Sign up" }),
  ];
}

const codeAddress = input("code", {
  name: "address",
  type: "submit",
  value: "a@example.test",
  label: { id: 1010023, text: "Send code to a@example.test" },
});
const totpCode = input("totp", {
  name: "totp_code",
  type: "text",
  value: "",
  required: true,
  label: { id: 1010006, text: "Authentication code" },
});
const totpSubmit = input("totp", {
  name: "method",
  type: "submit",
  value: "totp",
  label: { id: 1010009, text: "Use Authenticator" },
});
const lookupInput = input("lookup_secret", {
  name: "lookup_secret",
  type: "text",
  value: "",
  required: true,
  label: { id: 1010007, text: "Backup recovery code" },
});
const lookupSubmit = input("lookup_secret", {
  name: "method",
  type: "submit",
  value: "lookup_secret",
  label: { id: 1010010, text: "Use backup recovery code" },
});
const webauthnHidden = input("webauthn", { name: "webauthn_login", type: "hidden", value: "" });
const webauthnScript = script("webauthn", "webauthn_script");
const webauthnTrigger = input("webauthn", {
  name: "webauthn_login_trigger",
  type: "button",
  label: { id: 1010008, text: "Sign in with hardware key" },
});

/** A v1.3.1 aal2 login flow: only hidden fields in `default`, four second-factor methods. */
function aal2LoginNodes(): UiNode[] {
  return [
    // Kratos appends the code method's address buttons before the csrf token.
    codeAddress,
    csrf,
    hiddenIdentifier,
    webauthnHidden,
    webauthnScript,
    webauthnTrigger,
    lookupInput,
    lookupSubmit,
    totpCode,
    totpSubmit,
  ];
}

/** A v1.3.1 settings flow with profile, password and TOTP setup. */
function settingsNodes(): UiNode[] {
  return [
    csrf,
    input("totp", {
      name: "totp_code",
      type: "text",
      required: true,
      label: { id: 1070006, text: "Verify code" },
    }),
    text("totp", "totp_secret_key", "JBSWY3DPEHPK3PXP"),
    input("profile", {
      name: "traits.email",
      type: "email",
      value: "a@example.test",
      required: true,
      label: { id: 1070002, text: "Email" },
    }),
    input("profile", {
      name: "method",
      type: "submit",
      value: "profile",
      label: { id: 1070003, text: "Save" },
    }),
    ...passwordFields({ id: 1070003, text: "Save" }),
    input("totp", { name: "method", type: "submit", value: "totp", label: { id: 1070003, text: "Save" } }),
  ];
}

const groupsOf = (nodes: readonly UiNode[]) => nodes.map((n) => n.group);
const namesOf = (nodes: readonly UiNode[]) => nodes.map((n) => inputName(n) ?? `<${n.type}>`);

describe("node predicates", () => {
  it("tells inputs from scripts and text nodes", () => {
    expect(isInput(csrf)).toBe(true);
    expect(isInput(webauthnScript)).toBe(false);
    expect(isInput(text("totp", "totp_secret_key", "X"))).toBe(false);
  });

  it("gives input names and nothing for other nodes", () => {
    expect(inputName(totpCode)).toBe("totp_code");
    expect(inputName(webauthnScript)).toBeUndefined();
  });

  it("recognises hidden inputs only", () => {
    expect(isHiddenInput(csrf)).toBe(true);
    expect(isHiddenInput(webauthnHidden)).toBe(true);
    expect(isHiddenInput(totpCode)).toBe(false);
    expect(isHiddenInput(codeAddress)).toBe(false);
    expect(isHiddenInput(webauthnScript)).toBe(false);
  });
});

describe("splitIntoForms", () => {
  describe("a registration-like flow (visible traits in the default group)", () => {
    const forms = splitIntoForms(registrationNodes());

    it("is one form in the default group holding every node", () => {
      expect(forms).toHaveLength(1);
      expect(forms[0]!.group).toBe("default");
      expect(forms[0]!.nodes).toHaveLength(registrationNodes().length);
      expect(new Set(forms[0]!.nodes)).toEqual(new Set(registrationNodes()));
    });

    it("orders default first, then password, then passkey (keeping Kratos's order within a group)", () => {
      expect(namesOf(forms[0]!.nodes)).toEqual([
        "traits.email",
        "traits.name",
        "csrf_token",
        "password",
        "method",
        "<script>", // Kratos puts the WebAuthn script in the webauthn group, ranked before passkey
        "passkey_register",
        "passkey_register_trigger",
        "passkey_create_data",
      ]);
      const groups = groupsOf(forms[0]!.nodes);
      expect(groups.lastIndexOf("default")).toBeLessThan(groups.indexOf("password"));
      expect(groups.lastIndexOf("password")).toBeLessThan(groups.indexOf("passkey"));
    });

    it("does not reorder the input array", () => {
      const nodes = registrationNodes();
      const before = [...nodes];
      splitIntoForms(nodes);
      expect(nodes).toEqual(before);
    });
  });

  describe("an aal2 login flow (only a hidden csrf_token and identifier in default)", () => {
    const forms = splitIntoForms(aal2LoginNodes());

    it("gives each method group its own form, in GROUP_ORDER", () => {
      expect(forms.map((f) => f.group)).toEqual(["code", "totp", "webauthn", "lookup_secret"]);
    });

    it("carries the hidden default nodes (csrf_token) into every form, first", () => {
      for (const form of forms) {
        expect(form.nodes[0]).toBe(csrf);
        expect(form.nodes[1]).toBe(hiddenIdentifier);
        expect(form.nodes.filter((n) => inputName(n) === "csrf_token")).toHaveLength(1);
      }
    });

    it("puts only its own group's nodes into each form", () => {
      const byGroup = Object.fromEntries(forms.map((f) => [f.group, f.nodes.slice(2)]));
      expect(byGroup.code).toEqual([codeAddress]);
      expect(byGroup.totp).toEqual([totpCode, totpSubmit]);
      expect(byGroup.webauthn).toEqual([webauthnHidden, webauthnScript, webauthnTrigger]);
      expect(byGroup.lookup_secret).toEqual([lookupInput, lookupSubmit]);
      // A required field of one method never lands in another method's form.
      for (const form of forms.filter((f) => f.group !== "totp")) expect(form.nodes).not.toContain(totpCode);
    });

    it("has no default-only form", () => {
      expect(forms.some((f) => f.group === "default")).toBe(false);
    });
  });

  describe("a settings-like flow", () => {
    const forms = splitIntoForms(settingsNodes());

    it("splits into profile, password and totp forms in that order", () => {
      expect(forms.map((f) => f.group)).toEqual(["profile", "password", "totp"]);
    });

    it("gathers a group's nodes even when Kratos interleaves them", () => {
      const totp = forms.find((f) => f.group === "totp")!;
      expect(namesOf(totp.nodes)).toEqual(["csrf_token", "totp_code", "<text>", "method"]);
      const profile = forms.find((f) => f.group === "profile")!;
      expect(namesOf(profile.nodes)).toEqual(["csrf_token", "traits.email", "method"]);
    });
  });

  it("ranks groups missing from GROUP_ORDER last", () => {
    const custom = input("saml", { name: "provider", type: "submit", value: "x" });
    const forms = splitIntoForms([csrf, custom, totpSubmit, lookupSubmit]);
    expect(forms.map((f) => f.group)).toEqual(["totp", "lookup_secret", "saml"]);
  });

  it("returns no forms when there is nothing but hidden default fields", () => {
    expect(splitIntoForms([csrf])).toEqual([]);
    expect(splitIntoForms([])).toEqual([]);
  });
});

describe("splitIntoForms: sign-in with a provider", () => {
  const identifier = input("default", { name: "identifier", type: "text", required: true });
  const password = input("password", { name: "password", type: "password", required: true });
  const passwordSubmit = input("password", { name: "method", type: "submit", value: "password" });
  const local = input("oidc", { name: "provider", type: "submit", value: "local" });
  const sso = input("oidc", { name: "provider", type: "submit", value: "local-sso" });

  it("gives the provider buttons a form of their own, with the hidden shared fields only", () => {
    const forms = splitIntoForms([csrf, identifier, local, password, passwordSubmit, sso]);
    expect(forms.map((f) => f.group)).toEqual(["default", "oidc"]);
    expect(forms[0]!.nodes).toEqual([csrf, identifier, password, passwordSubmit]);
    // The identifier's `required` cannot block the provider buttons.
    expect(forms[1]!.nodes).toEqual([csrf, local, sso]);
  });

  it("is one form per method where nothing visible is shared (settings)", () => {
    const forms = splitIntoForms([csrf, password, passwordSubmit, local]);
    expect(forms.map((f) => f.group)).toEqual(["password", "oidc"]);
  });
});

describe("methodGroups", () => {
  it("lists the groups that ask the user to act, once each, in order of appearance", () => {
    expect(methodGroups(aal2LoginNodes())).toEqual(["code", "webauthn", "lookup_secret", "totp"]);
  });

  it("ignores the default group even when it has visible fields", () => {
    expect(methodGroups(registrationNodes())).toEqual(["passkey", "password"]);
  });

  it("ignores groups that only hold scripts and hidden inputs", () => {
    expect(methodGroups([csrf, webauthnScript, webauthnHidden])).toEqual([]);
    expect(methodGroups([csrf, webauthnScript, webauthnHidden, totpSubmit])).toEqual(["totp"]);
  });

  it("counts a group with a visible text node", () => {
    expect(methodGroups([text("lookup_secret", "lookup_secret_codes", "abc")])).toEqual(["lookup_secret"]);
  });
});

describe("filterStepUpNodes", () => {
  const codeRecovery: AmrEntry[] = [{ method: "code_recovery", aal: "aal1" }];
  const password: AmrEntry[] = [{ method: "password", aal: "aal1" }];

  it("after an email recovery code, removes the email-code group and keeps the independent ones", () => {
    const r = filterStepUpNodes(aal2LoginNodes(), codeRecovery);
    expect(r.removedGroups).toEqual(["code"]);
    expect(r.nodes).not.toContain(codeAddress);
    expect(r.nodes.some((n) => n.group === "code")).toBe(false);
    expect(r.remainingGroups).toEqual(["webauthn", "lookup_secret", "totp"]);
    // Everything but the code group is kept, in order, including the script and hidden fields.
    expect(r.nodes).toEqual(aal2LoginNodes().filter((n) => n !== codeAddress));
  });

  it("after a link recovery (same inbox), also removes the email-code group", () => {
    const r = filterStepUpNodes(aal2LoginNodes(), [{ method: "link_recovery", aal: "aal1" }]);
    expect(r.removedGroups).toEqual(["code"]);
  });

  it("after a password, keeps the email-code group", () => {
    const r = filterStepUpNodes(aal2LoginNodes(), password);
    expect(r.removedGroups).toEqual([]);
    expect(r.nodes).toEqual(aal2LoginNodes());
    expect(r.remainingGroups).toContain("code");
  });

  it("after a passkey, removes security keys (same device-key channel) but keeps the email code", () => {
    const r = filterStepUpNodes(aal2LoginNodes(), [{ method: "passkey", aal: "aal1" }]);
    expect(r.removedGroups).toEqual(["webauthn"]);
    expect(r.nodes).not.toContain(webauthnScript);
    expect(r.nodes).not.toContain(webauthnHidden);
    expect(r.remainingGroups).toEqual(["code", "lookup_secret", "totp"]);
  });

  it("leaves an inbox-first session with only an email code nothing to use (the dead end)", () => {
    const nodes = [codeAddress, csrf, hiddenIdentifier];
    for (const amr of [codeRecovery, [{ method: "code", aal: "aal1" }] satisfies AmrEntry[]]) {
      const r = filterStepUpNodes(nodes, amr);
      expect(r.removedGroups).toEqual(["code"]);
      expect(r.remainingGroups).toEqual([]);
      expect(r.nodes).toEqual([csrf, hiddenIdentifier]);
    }
  });

  it("always keeps default-group nodes, even when every method is removed", () => {
    const r = filterStepUpNodes(aal2LoginNodes(), []);
    expect(r.nodes).toEqual([csrf, hiddenIdentifier]);
    expect([...r.removedGroups].sort()).toEqual(["code", "lookup_secret", "totp", "webauthn"]);
    expect(r.remainingGroups).toEqual([]);
  });

  it("keeps groups that have no second-factor channel (e.g. password)", () => {
    const passwordInput = input("password", { name: "password", type: "password" });
    const r = filterStepUpNodes([csrf, passwordInput, codeAddress], codeRecovery);
    expect(r.nodes).toEqual([csrf, passwordInput]);
    expect(r.remainingGroups).toEqual(["password"]);
  });

  it("applies a narrower policy passed in", () => {
    const totpOnlyAfterPassword: FactorPolicy = {
      ...DEFAULT_FACTOR_POLICY,
      secondFactorsAfter: { ...DEFAULT_FACTOR_POLICY.secondFactorsAfter, knowledge: ["authenticator_app"] },
    };
    const r = filterStepUpNodes(aal2LoginNodes(), password, totpOnlyAfterPassword);
    expect(r.remainingGroups).toEqual(["totp"]);
    expect([...r.removedGroups].sort()).toEqual(["code", "lookup_secret", "webauthn"]);
  });

  it("does not modify the input array", () => {
    const nodes = aal2LoginNodes();
    filterStepUpNodes(nodes, codeRecovery);
    expect(nodes).toEqual(aal2LoginNodes());
  });
});

describe("labelOf (after localizeUi with the English catalog)", () => {
  const en = lookupIn(CATALOGS.en);
  const label = (node: UiNode) =>
    labelOf(localizeUi({ action: "", method: "POST", nodes: [node] }, en).nodes[0]!);

  it("uses the catalog's wording for a Kratos message id", () => {
    expect(label(totpSubmit)).toBe("Use authenticator app");
    expect(label(lookupSubmit)).toBe("Use backup code");
    const unlink = input("totp", {
      name: "totp_unlink",
      type: "submit",
      value: "true",
      label: { id: 1050004, text: "Unlink TOTP Authenticator App" },
    });
    expect(label(unlink)).toBe("Unlink authenticator app");
  });

  it("goes by id, whatever Kratos's text says", () => {
    const relabelled = input("totp", {
      name: "method",
      type: "submit",
      value: "totp",
      label: { id: 1010009, text: "Something else" },
    });
    expect(label(relabelled)).toBe("Use authenticator app");
  });

  it("keeps Kratos's text where the English catalog says the same", () => {
    expect(label(totpCode)).toBe("Authentication code");
    expect(label(webauthnTrigger)).toBe("Sign in with hardware key");
  });

  it("falls back to the input name without a label or with an empty text", () => {
    expect(labelOf(csrf)).toBe("csrf_token");
    const empty = input("password", { name: "password", type: "password", label: { id: 1070001, text: "" } });
    expect(labelOf(empty)).toBe("password");
  });

  it("is empty for a non-input node without a label", () => {
    expect(labelOf(webauthnScript)).toBe("");
  });
});

describe("nodeKey", () => {
  const sendTo = (address: string) =>
    input("code", { name: "address", type: "submit", value: address, label: { id: 1010023, text: address } });
  const method = (value: string) => input("password", { name: "method", type: "submit", value });

  it("tells apart two `address` submit buttons by their value, even at the same index", () => {
    const a = nodeKey(sendTo("a@example.test"), 0);
    const b = nodeKey(sendTo("b@example.test"), 0);
    expect(a).not.toBe(b);
    expect(a).toContain("a@example.test");
  });

  it("tells apart two `method` submit buttons by their value, even at the same index", () => {
    expect(nodeKey(method("password"), 3)).not.toBe(nodeKey(method("passkey"), 3));
  });

  it("gives every node of a flow a distinct key", () => {
    const nodes = [...aal2LoginNodes(), sendTo("b@example.test")];
    const keys = nodes.map((n, i) => nodeKey(n, i));
    expect(new Set(keys).size).toBe(nodes.length);
  });

  it("is stable for the same node and index", () => {
    expect(nodeKey(totpCode, 4)).toBe(nodeKey(totpCode, 4));
  });

  it("does not put other inputs' values (such as the csrf token) into the key", () => {
    expect(nodeKey(csrf, 0)).not.toContain("csrf-value");
    const other = input("default", { name: "csrf_token", type: "hidden", value: "another-token" });
    expect(nodeKey(other, 0)).toBe(nodeKey(csrf, 0));
  });

  it("keys scripts and text nodes by their id and group", () => {
    expect(nodeKey(webauthnScript, 0)).toContain("webauthn:webauthn_script");
    expect(nodeKey(text("totp", "totp_secret_key", "X"), 0)).toContain("totp:totp_secret_key");
    expect(nodeKey(webauthnScript, 0)).not.toBe(nodeKey(script("passkey", "webauthn_script"), 0));
  });
});

describe("choiceKey", () => {
  it("names each method group's choice in the catalogs", () => {
    const en = lookupIn(CATALOGS.en);
    const names = ["totp", "lookup_secret", "webauthn"].map((g) => en(choiceKey(g)!));
    expect(names).toEqual(["your authenticator app", "a backup code", "a security key"]);
    expect(choiceKey("default")).toBeUndefined();
  });
});

describe("withPageScripts (Ory Elements renders script nodes as <script>)", () => {
  const APP = "http://localhost:3000";
  const kratosScript = (src: string): UiNode => {
    const node = script("webauthn", "webauthn_script");
    return { ...node, attributes: { ...node.attributes, src, nonce: "kratos-own-nonce" } } as UiNode;
  };
  const viaBff = kratosScript(`${APP}/api/kratos/.well-known/ory/webauthn.js`);
  const bffOnly = (src: string) => servedByBff(src, APP);
  const nonceOf = (n: UiNode | undefined) => (n?.attributes as { nonce?: string } | undefined)?.nonce;

  it("gives the BFF's WebAuthn script the request's nonce instead of Kratos's", () => {
    const [out] = withPageScripts([viaBff], "request-nonce", bffOnly);
    expect(nonceOf(out)).toBe("request-nonce");
    expect(nonceOf(viaBff)).toBe("kratos-own-nonce"); // the flow itself is not changed
  });

  it("keeps every other node as it is, in order", () => {
    const nodes = [
      input("default", { name: "csrf_token", type: "hidden" }),
      viaBff,
      input("password", { name: "password", type: "password" }),
    ];
    const out = withPageScripts(nodes, "n", bffOnly);
    expect(out.map((n) => n.attributes.node_type)).toEqual(["input", "script", "input"]);
    expect(out[0]).toBe(nodes[0]);
    expect(out[2]).toBe(nodes[2]);
  });

  it("drops a script the BFF's route table does not serve", () => {
    for (const src of [
      "http://127.0.0.1:4433/.well-known/ory/webauthn.js", // Kratos directly
      "https://cdn.example.test/api/kratos/.well-known/ory/webauthn.js", // another origin
      `${APP}/api/kratos/.well-known/ory/webauthn.js?x=1`,
      `${APP}/elsewhere/webauthn.js`,
      "not a url",
    ]) {
      expect(withPageScripts([kratosScript(src)], "n", bffOnly), src).toEqual([]);
    }
  });
});

// Kratos v1.3.1 with `login.style: identifier_first` (seen from its public API): the first screen
// has the identifier in the `identifier_first` group without `autocomplete`, beside passkey
// autofill's hidden inputs; the second keeps them and hides the identifier.
function passkeyAutofill(): UiNode {
  const n = input("passkey", { name: "passkey_login", type: "hidden" });
  return {
    ...n,
    attributes: { ...n.attributes, onloadTrigger: "oryPasskeyLoginAutocompleteInit" },
  } as UiNode;
}
const continueButton = input("identifier_first", {
  name: "method",
  type: "submit",
  value: "identifier_first",
  label: { id: 1070009, text: "Continue" },
});
function identifyNodes(): UiNode[] {
  return [
    input("identifier_first", {
      name: "identifier",
      type: "text",
      required: true,
      label: { id: 1070004, text: "Email" },
    }),
    continueButton,
    csrf,
    script("webauthn", "webauthn_script"),
    passkeyAutofill(),
    input("passkey", { name: "passkey_challenge", type: "hidden", value: "{}" }),
  ];
}
function credentialsNodes(): UiNode[] {
  return [
    input("identifier_first", { name: "identifier", type: "hidden", value: "a@example.test" }),
    csrf,
    script("webauthn", "webauthn_script"),
    passkeyAutofill(),
    input("passkey", { name: "passkey_challenge", type: "hidden", value: "{}" }),
    ...passwordFields({ id: 1010022, text: "Sign in with password" }),
    input("passkey", {
      name: "passkey_login_trigger",
      type: "button",
      label: { id: 1010021, text: "Sign in with passkey" },
    }),
  ];
}
const names = (nodes: readonly UiNode[]) => nodes.map((n) => inputName(n) ?? n.type);
const autocompleteOf = (nodes: readonly UiNode[], name: string) =>
  (nodes.find((n) => inputName(n) === name)?.attributes as { autocomplete?: string }).autocomplete;

describe("identifier-first login", () => {
  it("tells the identifier screen from the credentials screen, and a one-form login from both", () => {
    expect(identifierFirstStep(identifyNodes())).toBe("identify");
    expect(identifierFirstStep(credentialsNodes())).toBe("credentials");
    const unified = [
      input("default", { name: "identifier", type: "text", label: { id: 1070004, text: "Email" } }),
      csrf,
    ];
    expect(identifierFirstStep(unified)).toBeUndefined();
    expect(identifierFirstStep([hiddenIdentifier, csrf])).toBeUndefined();
    expect(identifierFirstValue(credentialsNodes())).toBe("a@example.test");
    expect(identifierFirstValue(identifyNodes())).toBeUndefined();
  });

  it("offers passkeys in the identifier field where Kratos started passkey autofill", () => {
    expect(autocompleteOf(identifyNodes(), "identifier")).toBeUndefined();
    expect(autocompleteOf(loginNodes(identifyNodes()), "identifier")).toBe("username webauthn");
    const withoutAutofill = identifyNodes().filter((n) => inputName(n) !== "passkey_login");
    expect(autocompleteOf(loginNodes(withoutAutofill), "identifier")).toBeUndefined();
  });

  it("puts the identifier first, in its own form, with the Continue button", () => {
    const forms = splitIntoForms(loginNodes(identifyNodes()));
    expect(forms[0]).toEqual({
      group: "identifier_first",
      nodes: expect.arrayContaining([expect.objectContaining({ group: "identifier_first" })]),
    });
    expect(names(forms[0]?.nodes ?? [])).toEqual(["csrf_token", "identifier", "method"]);
  });

  it("sends the hidden identifier with every method's form on the credentials screen", () => {
    const nodes = loginNodes(credentialsNodes());
    // Kratos's groups stay as sent (Ory Elements finds the second screen by them).
    expect(nodes.map((n) => n.group)).toEqual(credentialsNodes().map((n) => n.group));
    const forms = splitIntoForms(nodes);
    expect(forms.map((f) => f.group)).toEqual(["password", "webauthn", "passkey"]);
    for (const form of forms) expect(names(form.nodes)).toContain("identifier");
    expect(names(forms[0]?.nodes ?? [])).toEqual(["identifier", "csrf_token", "password", "method"]);
  });

  it("leaves a one-form login, a re-authentication and a step-up as Kratos sends them", () => {
    const unified = [
      input("default", { name: "identifier", type: "text", label: { id: 1070004, text: "Email" } }),
      csrf,
      passkeyAutofill(),
    ];
    expect(autocompleteOf(loginNodes(unified), "identifier")).toBe("username webauthn");
    const refresh = [hiddenIdentifier, csrf];
    expect(loginNodes(refresh)).toEqual(refresh);
  });
});
