// docs/architecture.md's route table, generated from the app map (lib/policy/appMap.ts):
// test/routeDocs.test.ts fails when the document differs, `npm run docs:routes` rewrites it.
import { format, resolveConfig } from "prettier";
import type { AppRoute } from "@/lib/policy/appMap";
import { APP_MAP } from "@/features/index";

export const ROUTES_START =
  "<!-- route-table: generated from lib/policy/appMap.ts by `npm run docs:routes` -->";
export const ROUTES_END = "<!-- /route-table -->";

function requirement(row: AppRoute): [string, string] {
  if (row.require === "public") return ["—", "—"];
  return [row.require.cookie, row.require.token];
}

/** The table (unformatted markdown): one line per row of the map. */
export function routeTable(): string {
  const header = ["path", "kind", "methods", "cookie", "session token", "feature", "what"];
  const rows = APP_MAP.map((r) => [
    `\`${r.path}\``,
    r.kind + (r.serverActions ? " (Server Actions)" : ""),
    r.methods.join(", "),
    ...requirement(r),
    r.feature,
    r.purpose,
  ]);
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** `doc` with its generated section replaced by the current table, formatted as the repo formats it. */
export async function withRouteTable(doc: string, docPath: string): Promise<string> {
  const start = doc.indexOf(ROUTES_START);
  const end = doc.indexOf(ROUTES_END);
  if (start === -1 || end < start)
    throw new Error(`${docPath} lacks the markers ${ROUTES_START} … ${ROUTES_END}`);
  const replaced = `${doc.slice(0, start + ROUTES_START.length)}\n\n${routeTable()}\n\n${doc.slice(end)}`;
  const options = await resolveConfig(docPath);
  return format(replaced, { ...options, filepath: docPath });
}
