import { describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS } from "../policy/events";
import { memoryStore, workOnce, type MailJob } from "./mailQueue";
import { memorySeen } from "./idempotency";

const job = (id = "m1"): MailJob => ({
  id,
  to: "a@example.test",
  subject: "s",
  text: "t",
  event: "password_changed",
  attempts: 0,
});

describe("workOnce", () => {
  it("sends a due mail once", async () => {
    const store = memoryStore();
    const sent: string[] = [];
    await store.push(job(), 0);
    expect(
      await workOnce(
        store,
        async (j) => void sent.push(j.id),
        () => {},
        10,
      ),
    ).toEqual({ sent: job() });
    expect(
      await workOnce(
        store,
        async () => {},
        () => {},
        10,
      ),
    ).toBeNull();
    expect(sent).toEqual(["m1"]);
  });

  it("retries a mail that cannot be sent with growing delays, logging each failure", async () => {
    const store = memoryStore();
    const lines: string[] = [];
    const down = async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:1025");
    };
    await store.push(job(), 0);
    const first = await workOnce(store, down, (l) => lines.push(l), 0);
    expect(first).toMatchObject({ inMs: 5_000 });
    expect(await workOnce(store, down, (l) => lines.push(l), 4_999)).toBeNull();
    expect(await workOnce(store, down, (l) => lines.push(l), 5_000)).toMatchObject({ inMs: 10_000 });
    expect(lines[0]).toMatch(
      /mail m1 \(password_changed\) failed \(attempt 1\/10\), retry in 5 s: connect ECONNREFUSED/,
    );
    // SMTP back: the same mail goes out.
    const sent: MailJob[] = [];
    expect(
      await workOnce(
        store,
        async (j) => void sent.push(j),
        () => {},
        15_000,
      ),
    ).not.toBeNull();
    expect(sent.map((j) => [j.id, j.attempts])).toEqual([["m1", 2]]);
    expect(store.size()).toBe(0);
  });

  it("gives up after MAX_SEND_ATTEMPTS, logs it and keeps the mail in the dead list", async () => {
    const store = memoryStore();
    const lines: string[] = [];
    await store.push({ ...job(), attempts: MAX_SEND_ATTEMPTS - 1 }, 0);
    const out = await workOnce(
      store,
      async () => Promise.reject(new Error("550")),
      (l) => lines.push(l),
      0,
    );
    expect(out).toMatchObject({ gaveUp: { id: "m1" } });
    expect(store.dead.map((j) => j.id)).toEqual(["m1"]);
    expect(store.size()).toBe(0);
    expect(lines.at(-1)).toMatch(/gave up on mail m1/);
  });

  it("does not hand a claimed mail to a second worker before its lease ends", async () => {
    const store = memoryStore();
    await store.push(job(), 0);
    expect(await store.claim(0, 1000)).not.toBeNull();
    expect(await store.claim(999, 1000)).toBeNull();
    expect(await store.claim(1000, 1000)).not.toBeNull();
  });
});

describe("memorySeen", () => {
  it("lets a key through once within its TTL, and again after it", async () => {
    let now = 0;
    const seen = memorySeen(() => now);
    expect(await seen.firstTime("f:totp_added", 10)).toBe(true);
    expect(await seen.firstTime("f:totp_added", 10)).toBe(false);
    expect(await seen.firstTime("f:totp_removed", 10)).toBe(true);
    now = 10_000;
    expect(await seen.firstTime("f:totp_added", 10)).toBe(true);
  });
});
