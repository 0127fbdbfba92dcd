// Where the app's server reaches Kratos. Pure.

/** A Kratos API URL: `path` under `api` (which may carry a path prefix), with `search` as given. */
export function kratosUrl(api: URL, path: string, search: string): URL {
  const base = api.href.endsWith("/") ? api.href : `${api.href}/`;
  const url = new URL(path, base);
  url.search = search;
  return url;
}
