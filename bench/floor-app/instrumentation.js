// Empty on purpose. Without a file of its own, Turbopack (rooted at the project, see
// next.config.mjs) builds the project's instrumentation.ts into the floor, which then refuses to
// start without the app's configuration. A bare app runs nothing at startup.
export function register() {}
