// Builds the app's own URLs in one place so every redirect carries return_to the same way.
import type { NoticeId } from "@/lib/http/notices";
import type { FlowKind } from "@/lib/kratos/flows";
import type { UiKit } from "@/lib/config";
import { matchBffRoute } from "@/lib/policy/bffRoutes";

export const BFF_PREFIX = "/api/kratos";
/** The language switcher's route: sets the locale cookie, then goes back. */
export const LOCALE_PATH = "/locale";
/** Request header in which proxy.ts passes the page's own path and query to the page. */
export const REQUEST_PATH_HEADER = "x-request-path";
/**
 * The id of the flow proxy.ts started for a first visit (lib/bff/firstFlow.ts), for the page it
 * renders in the same response. Only proxy.ts sets it; a client's own value is dropped there.
 */
export const STARTED_FLOW_HEADER = "x-started-flow";
/**
 * Set by proxy.ts on a request it let through a protected row of the app map, so that a page
 * asking for its session (requireSession) knows the rule ran. A client's own value is dropped.
 */
export const PROTECTED_ROUTE_HEADER = "x-protected-route";

export interface LoginParams {
  aal?: "aal1" | "aal2";
  refresh?: boolean;
  returnTo?: string;
  notice?: NoticeId;
}

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** The login page (which starts a flow with these parameters). */
export function loginPath(p: LoginParams = {}): string {
  return `/login${query({ aal: p.aal, refresh: p.refresh ? "true" : undefined, return_to: p.returnTo, notice: p.notice })}`;
}

/** A flow page without a flow id: the page starts a fresh flow. */
export function flowStartPath(kind: FlowKind, p: { returnTo?: string; notice?: NoticeId } = {}): string {
  return `/${kind}${query({ return_to: p.returnTo, notice: p.notice })}`;
}

/** Where the browser goes to make Kratos create a flow (through the BFF). */
export function browserFlowInitPath(kind: FlowKind, params: Record<string, string | undefined>): string {
  return `${BFF_PREFIX}/self-service/${kind}/browser${query(params)}`;
}

// The init parameters a flow started with that a new flow of the same kind keeps.
const RESTART_PARAMS = ["aal", "refresh", "return_to", "login_challenge"];

/**
 * Where a new flow like this one starts (through the BFF): its `request_url` is Kratos's own
 * address as the server called it, so only its init parameters are kept, Kratos having checked
 * them when it started the flow.
 */
export function restartFlowPath(kind: FlowKind, requestUrl: string | undefined): string {
  let search: URLSearchParams;
  try {
    search = new URL(requestUrl ?? "").searchParams;
  } catch {
    return browserFlowInitPath(kind, {});
  }
  return browserFlowInitPath(
    kind,
    Object.fromEntries(RESTART_PARAMS.map((name) => [name, search.get(name) ?? undefined])),
  );
}

/** Adds `notice` to a URL (absolute or path), keeping everything else. */
export function withNotice(url: string, notice: NoticeId): string {
  const u = new URL(url, "http://placeholder.invalid");
  u.searchParams.set("notice", notice);
  if (u.origin !== "http://placeholder.invalid") return u.href;
  // A path that normalises to `//host` (`/..//evil.test`) would read as protocol-relative,
  // i.e. another origin: `/.` keeps it the same path on this origin.
  const path = u.pathname.startsWith("//") ? `/.${u.pathname}` : u.pathname;
  return `${path}${u.search}${u.hash}`;
}

/** The post-sign-in stop that applies the enrollment gate, then goes to `returnTo`. */
export function continuePath(returnTo?: string): string {
  return `/continue${query({ return_to: returnTo })}`;
}

/** The Ory Elements pages (UI_KIT=elements, app/elements/): the same flows under this prefix. */
export const ELEMENTS_PREFIX = "/elements";
const FLOW_KINDS: readonly FlowKind[] = ["login", "registration", "recovery", "verification", "settings"];

/** The flow kind a path segment names, or undefined. */
export function flowKindOf(segment: string): FlowKind | undefined {
  return FLOW_KINDS.find((k) => k === segment);
}

/**
 * Where a request for one of the app's own flow pages goes under the chosen UI kit: the
 * Elements twin of `/login`…`/settings` (same query), or null when the page serves itself.
 */
export function uiKitPagePath(pathname: string, kit: UiKit): string | null {
  if (kit !== "elements") return null;
  return flowKindOf(pathname.slice(1)) ? `${ELEMENTS_PREFIX}${pathname}` : null;
}

/**
 * Where an Elements page without a flow id starts one (app/elements/start/[kind]): the flow is
 * created there with a JSON request, so it comes back to the Elements page whatever Kratos's
 * ui_url says.
 */
export function elementsStartPath(kind: FlowKind, params: Record<string, string | undefined>): string {
  return `${ELEMENTS_PREFIX}/start/${kind}${query(params)}`;
}

/** The query parameter (a status code) by which the start route tells an Elements page that Kratos refused to start its flow. */
export const START_FAILED = "start_failed";

/** An Elements flow page showing flow `id`. */
export function elementsFlowPath(kind: FlowKind, id: string): string {
  return `${ELEMENTS_PREFIX}/${kind}${query({ flow: id })}`;
}

/** True when `src` is a GET route of the BFF's table (lib/policy/bffRoutes.ts) on the app's origin. */
export function servedByBff(src: string, appOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  const prefix = `${BFF_PREFIX}/`;
  return (
    url.origin === appOrigin &&
    url.search === "" &&
    url.pathname.startsWith(prefix) &&
    matchBffRoute(url.pathname.slice(prefix.length), "GET").type === "route"
  );
}
