// Starting a flow for a page without a flow id. Pure: proxy.ts (through lib/bff/firstFlow.ts)
// and the pages share these, so a flow started on the server asks Kratos for exactly what the
// browser's trip through the BFF asked for.
import type { FlowKind } from "@/lib/kratos/flows";
import { continuePath } from "@/lib/http/paths";

/** A flow id as Kratos makes them (a UUID); anything else starts a new flow. */
export const FLOW_ID = /^[0-9a-fA-F-]{8,64}$/;

/** The flows a first visit gets rendered in its first response (proxy.ts starts them). */
export const FIRST_RESPONSE_FLOWS: readonly FlowKind[] = ["login", "registration", "recovery"];

/**
 * What Kratos gets when `kind` starts from a page with these query parameters; `returnTo` is the
 * page's return_to, already validated. A first sign-in or registration passes through /continue
 * (the enrollment gate); a step-up (aal2) or a refresh goes straight back.
 */
export function flowInitParams(
  kind: FlowKind,
  query: URLSearchParams,
  returnTo: string | undefined,
  appUrl: URL,
): Record<string, string | undefined> {
  const throughContinue = () => new URL(continuePath(returnTo), appUrl).href;
  if (kind === "login") {
    const aal = query.get("aal") === "aal2" ? "aal2" : undefined;
    const refresh = query.get("refresh") === "true" ? "true" : undefined;
    return { aal, refresh, return_to: aal || refresh ? returnTo : throughContinue() };
  }
  if (kind === "registration") return { return_to: throughContinue() };
  return { return_to: returnTo };
}

/** The flow kind whose page `pathname` is, when a GET without a usable flow id starts it here. */
export function firstResponseFlow(pathname: string, query: URLSearchParams): FlowKind | undefined {
  const kind = FIRST_RESPONSE_FLOWS.find((k) => pathname === `/${k}`);
  if (!kind) return undefined;
  const id = query.get("flow");
  return id && FLOW_ID.test(id) ? undefined : kind;
}

/**
 * The flow id of a Kratos answer that sends the browser to `kind`'s page on this origin (the
 * answer to starting a browser flow), or undefined for any other answer.
 */
export function startedFlowId(location: URL, kind: FlowKind, appOrigin: string): string | undefined {
  if (location.origin !== appOrigin || location.pathname !== `/${kind}`) return undefined;
  const id = location.searchParams.get("flow");
  return id && FLOW_ID.test(id) ? id : undefined;
}

/** True when a Set-Cookie line deletes its cookie (Max-Age ≤ 0, or Expires in the past). */
function deletes(attributes: string[], now: number): boolean {
  for (const a of attributes) {
    const eq = a.indexOf("=");
    const name = a
      .slice(0, eq === -1 ? a.length : eq)
      .trim()
      .toLowerCase();
    const value = eq === -1 ? "" : a.slice(eq + 1).trim();
    if (name === "max-age" && /^-?\d+$/.test(value) && Number(value) <= 0) return true;
    if (name === "expires" && Date.parse(value) <= now) return true;
  }
  return false;
}

/**
 * The Cookie header a browser sends after storing `setCookies` (same-named cookies replaced,
 * deleted ones gone): what the page reads its flow with when the flow started in this request.
 * Cookies the answer does not touch keep their order and spelling.
 */
export function cookieHeaderAfter(
  cookieHeader: string | null,
  setCookies: string[],
  now = Date.now(),
): string {
  const pairs: [string, string][] = [];
  for (const part of (cookieHeader ?? "").split(";")) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const eq = trimmed.indexOf("=");
    pairs.push([eq === -1 ? trimmed : trimmed.slice(0, eq), trimmed]);
  }
  for (const line of setCookies) {
    const [pair = "", ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const kept = pairs.filter(([n]) => n !== name);
    pairs.length = 0;
    pairs.push(...kept);
    if (!deletes(attributes, now)) pairs.push([name, `${name}=${pair.slice(eq + 1).trim()}`]);
  }
  return pairs.map(([, p]) => p).join("; ");
}

/** Request headers only Next's client router sends (its RSC fetches and prefetches). */
const CLIENT_ROUTER_HEADERS = [
  "rsc",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-router-state-tree",
];

/**
 * Whether a GET is the browser loading a document (a navigation, or a client without Fetch
 * Metadata such as curl), the only request a flow may start for. Next's client router fetches a
 * page's RSC payload for links it prefetches and for client-side navigations; starting a Kratos
 * flow for those would make flows nobody sees (two per page with links to /registration and
 * /recovery), and a rewrite answer to them leaves the router's fetch hanging. Next does not
 * always pass its router headers to the proxy, so the Fetch Metadata and `_rsc` count too.
 */
export function isDocumentRequest(headers: Headers, query: URLSearchParams): boolean {
  const mode = headers.get("sec-fetch-mode");
  if (mode !== null && mode !== "navigate") return false;
  if (query.has("_rsc")) return false;
  return !CLIENT_ROUTER_HEADERS.some((h) => headers.has(h));
}
