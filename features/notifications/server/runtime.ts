// The feature's process-wide parts, wired to the config: the mail queue and its worker, the
// repeat filter, the SMTP transport. Redis (lib/redis.ts) when REDIS_URL is set, else memory; a
// mail Redis cannot take is kept in memory instead of being lost (and logged).
import "server-only";
import type { Transporter } from "nodemailer";
import { BRAND } from "@/brand/brand.mjs";
import { getConfig } from "@/lib/config";
import { sharedRedis } from "@/lib/redis";
import { memorySeen, redisSeen, type SeenStore } from "@/features/notifications/server/idempotency";
import {
  memoryStore,
  redisStore,
  workOnce,
  type MailJob,
  type QueueStore,
} from "@/features/notifications/server/mailQueue";

const WORKER_TICK_MS = 1000;
// Kratos retries a failed webhook within seconds; a day covers any replay worth catching.
const SEEN_TTL_SECONDS = 24 * 3600;

interface Runtime {
  memory: ReturnType<typeof memoryStore>;
  seen: SeenStore;
  worker?: ReturnType<typeof setInterval>;
  transport?: Transporter;
  busy: boolean;
}

// On globalThis: route handlers and instrumentation are bundled separately but share one process.
const KEY = Symbol.for("kratos-bff.notifications");
function runtime(): Runtime {
  const g = globalThis as { [KEY]?: Runtime };
  g[KEY] ??= { memory: memoryStore(), seen: memorySeen(), busy: false };
  return g[KEY];
}

const log = (line: string) => console.error(line);

async function shared(): Promise<{ queue: QueueStore; seen: SeenStore } | null> {
  const redis = await sharedRedis();
  return redis ? { queue: redisStore(redis), seen: redisSeen(redis) } : null;
}

async function transport(): Promise<Transporter> {
  const rt = runtime();
  if (!rt.transport) {
    const nodemailer = await import("nodemailer");
    rt.transport = nodemailer.createTransport(getConfig().notifySmtpUrl, {
      from: getConfig().notifyMailFrom || `${BRAND.kratos.mailFrom.name} <${BRAND.kratos.mailFrom.address}>`,
    });
  }
  return rt.transport;
}

async function send(job: MailJob): Promise<void> {
  await (await transport()).sendMail({ to: job.to, subject: job.subject, text: job.text });
}

/** True the first time this key is seen (Redis shared; memory when Redis is away or unset). */
export async function firstTime(key: string): Promise<boolean> {
  const s = await shared();
  if (s) {
    try {
      return await s.seen.firstTime(key, SEEN_TTL_SECONDS);
    } catch {
      log("[notifications] Redis did not answer the repeat check; this instance's memory decides");
    }
  }
  return runtime().seen.firstTime(key, SEEN_TTL_SECONDS);
}

/** Queues a mail for sending now; never throws (the action that caused it is done). */
export async function queueMail(job: MailJob): Promise<void> {
  startWorker();
  const s = await shared();
  if (s) {
    try {
      await s.queue.push(job, Date.now());
      return;
    } catch {
      log(
        `[notifications] Redis did not take mail ${job.id} (${job.event}); queued in this instance's memory`,
      );
    }
  }
  await runtime().memory.push(job, Date.now());
}

async function tick(): Promise<void> {
  const rt = runtime();
  if (rt.busy) return;
  rt.busy = true;
  try {
    const s = await shared();
    const stores = s ? [s.queue, rt.memory] : [rt.memory];
    for (const store of stores) {
      try {
        // Until nothing is due: a burst drains in one tick.
        while ((await workOnce(store, send, log)) !== null);
      } catch {
        log("[notifications] the mail queue could not be read; trying again");
      }
    }
  } finally {
    rt.busy = false;
  }
}

/** Starts this instance's worker once (at start, and with the first mail). */
export function startWorker(): void {
  const rt = runtime();
  if (rt.worker) return;
  rt.worker = setInterval(() => void tick(), WORKER_TICK_MS);
  rt.worker.unref?.();
}
