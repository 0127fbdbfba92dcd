import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";

/**
 * lib/policy/ decides; it never does I/O. It imports only itself, the features' own pure policy
 * (features/<name>/policy/), features/selection.mjs (pure) and the Ory SDK's types.
 */
const policyLayerRules = {
  "@typescript-eslint/no-restricted-imports": [
    "error",
    {
      paths: [
        { name: "@ory/client-fetch", allowTypeImports: true, message: "lib/policy/ may use its types only." },
      ],
      patterns: [
        {
          regex: "^(?!@/lib/policy/|@/features/[^/]+/policy/|@/features/selection\\.mjs$|@ory/client-fetch$)",
          message:
            "Policy is pure: it imports only lib/policy/, features/<name>/policy/ and features/selection.mjs (no Kratos client, HTTP, config, Node or Next).",
        },
      ],
    },
  ],
  "no-restricted-syntax": [
    "error",
    { selector: "ImportExpression", message: "lib/policy/ is pure: no dynamic imports." },
  ],
  "no-restricted-globals": [
    "error",
    { name: "fetch", message: "lib/policy/ is pure: no network calls." },
    { name: "process", message: "lib/policy/ is pure: configuration comes in as arguments." },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    // No import cycles anywhere (eslint-plugin-import, registered by eslint-config-next).
    files: ["**/*.{ts,tsx,mjs}"],
    rules: { "import/no-cycle": "error" },
  },
  {
    files: ["lib/policy/**/*.ts", "features/*/policy/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: policyLayerRules,
  },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "bench/floor-app/.next*/**",
      ".cache/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];
export default config;
