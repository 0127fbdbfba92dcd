// Runs once when the server starts: a missing or weak secret stops the start with a clear
// message instead of failing on the first request, and the request guard
// (lib/http/requestGuard.ts) is put in front of Next.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
