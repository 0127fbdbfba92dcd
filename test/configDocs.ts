// The documents generated from the variable table (lib/envVariables.ts): `.env.example` and the
// configuration tables of docs/configuration.md. test/configDocs.test.ts compares them with the files, and
// `npm run config:docs` (the same test with --update) writes them.
import { format, resolveConfig } from "prettier";
import {
  VARIABLE_LIST,
  defaultText,
  isAppVariable,
  isRequired,
  isSecret,
  type Variable,
} from "@/lib/envVariables";

const GENERATOR = "lib/envVariables.ts (`npm run config:docs`)";

/** Words of `text` in lines of at most `width` characters, each starting with `prefix`. */
export function wrap(text: string, width: number, prefix: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(prefix + line);
  return lines;
}

const plain = (markdown: string) => markdown.replaceAll("`", "");

function tags(v: Variable): string {
  return [v.feature, isRequired(v) && "required", isSecret(v) && "secret"].filter(Boolean).join("; ");
}

/** `.env.example`: every variable lib/config.ts reads, with its description and an example value. */
export function envExample(): string {
  const app = VARIABLE_LIST.filter(isAppVariable);
  const platform = VARIABLE_LIST.filter((v) => !isAppVariable(v));
  const blocks = [
    [
      ...wrap(
        `Every variable the app reads, generated from ${GENERATOR}: edit the table there, not this file.` +
          " `npm run dev` and `npm test` set them for their local stacks (secrets are generated once" +
          " into .data/<stack>/secrets.json); a deployment sets them itself. The app refuses to start" +
          " when a required one is missing or any value is invalid, naming each problem.",
        100,
        "# ",
      ),
    ],
    ...app.map((v) => [
      ...wrap(`${plain(v.description)} [${tags(v)}]`, 100, "# "),
      `${v.name}=${isSecret(v) ? "" : (v.example ?? defaultText(v) ?? "")}`,
    ]),
    wrap(
      `Read by Next.js, its build or the bundled stacks, not by the app's configuration (see docs/configuration.md): ${platform
        .map((v) => v.name)
        .join(", ")}.`,
      100,
      "# ",
    ),
  ];
  return `${blocks.map((b) => b.join("\n")).join("\n\n")}\n`;
}

const code = (s: string) => `\`${s}\``;

function defaultCell(v: Variable): string {
  if (isRequired(v)) return isSecret(v) ? "(required, secret)" : "(required)";
  const d = defaultText(v);
  return d === undefined ? "(none)" : code(d);
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export const TABLES_START =
  "<!-- config-tables: generated from lib/envVariables.ts by `npm run config:docs` -->";
export const TABLES_END = "<!-- /config-tables -->";

/** docs/configuration.md's tables (unformatted markdown): the app's variables, then the platform's. */
export function configTables(): string {
  const app = VARIABLE_LIST.filter(isAppVariable);
  const platform = VARIABLE_LIST.flatMap((v) => (v.type === "platform" ? [v] : []));
  return [
    table(
      ["variable", "default", "feature", "meaning"],
      app.map((v) => [code(v.name), defaultCell(v), v.feature, v.description]),
    ),
    "Read by Next.js, its build or the bundled stacks, not by `lib/config.ts`:",
    table(
      ["variable", "read by", "meaning"],
      platform.map((v) => [code(v.name), v.readBy, v.description]),
    ),
  ].join("\n\n");
}

/** `doc` with its generated section replaced by the current tables, formatted as the repo formats it. */
export async function withConfigTables(doc: string, docPath: string): Promise<string> {
  const start = doc.indexOf(TABLES_START);
  const end = doc.indexOf(TABLES_END);
  if (start === -1 || end < start)
    throw new Error(`${docPath} lacks the markers ${TABLES_START} … ${TABLES_END}`);
  const replaced = `${doc.slice(0, start + TABLES_START.length)}\n\n${configTables()}\n\n${doc.slice(end)}`;
  const options = await resolveConfig(docPath);
  return format(replaced, { ...options, filepath: docPath });
}
