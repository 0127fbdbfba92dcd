// What the tests against a real Redis share: where it is (127.0.0.1:6379 database 15, or
// REDIS_TEST_URL), whether one answers (they skip when none does), and the app's minimal env.
import net from "node:net";

export const REDIS_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379/15";

export async function redisUp(): Promise<boolean> {
  const { hostname, port } = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const s = net.connect(Number(port || 6379), hostname);
    s.setTimeout(500);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
    s.once("timeout", () => (s.destroy(), resolve(false)));
  });
}

export const baseEnv = {
  APP_URL: "http://localhost:3999",
  KRATOS_PUBLIC_URL: "http://127.0.0.1:9",
  KRATOS_ADMIN_URL: "http://127.0.0.1:9",
  SESSION_SECRET: "3f9a1c7e5b2d8064af13ce97b5d2086e4c1a7f3b9e2d5c8061fa4b7e3d9c2a15",
  NOTIFY_WEBHOOK_SECRET: "51a2c9d2e8c5b1609f3e7d2b5a8c0e3f6b9d2a5c8e1f4a7b0d3c6e9f2a5b8c1d",
  NOTIFY_SMTP_URL: "smtp://127.0.0.1:9",
};
