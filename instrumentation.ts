// Runs once when the server starts: a missing or weak secret stops the start with a clear
// message instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
