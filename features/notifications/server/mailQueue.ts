// The queue of notification mails: accepted at once, sent by a worker, retried with backoff
// (policy/events.ts retryDelayMs) and logged when they fail; after MAX_SEND_ATTEMPTS a mail is
// logged as given up and kept in a dead list, never dropped silently.
//
// Two stores behind one interface: Redis (REDIS_URL: every instance shares the queue; a worker
// claims a mail by moving its due time forward in one atomic step, so two instances never send
// the same one) and this process's memory (one instance: what is queued is lost on a restart).
import type { Redis } from "ioredis";
import { MAX_SEND_ATTEMPTS, retryDelayMs } from "@/features/notifications/policy/events";

export interface MailJob {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** The event type, for the log. */
  event: string;
  /** Failed attempts so far. */
  attempts: number;
}

export interface QueueStore {
  push(job: MailJob, dueAt: number): Promise<void>;
  /** Claims one due mail for `leaseMs` (it becomes due again if not settled in time). */
  claim(now: number, leaseMs: number): Promise<MailJob | null>;
  /** The claimed mail is done: sent, or moved on by `push`/`bury`. */
  settle(job: MailJob): Promise<void>;
  bury(job: MailJob): Promise<void>;
}

export type SendMail = (job: MailJob) => Promise<void>;
export type Log = (line: string) => void;

/** A mail that was sent, rescheduled or given up on; null when none was due. */
export type Outcome = { sent: MailJob } | { retry: MailJob; inMs: number } | { gaveUp: MailJob } | null;

// A send that hangs longer than this is presumed failed; its claim expires and it is retried.
const LEASE_MS = 120_000;

/** One step of the worker: claim a due mail and try to send it. Never throws. */
export async function workOnce(
  store: QueueStore,
  send: SendMail,
  log: Log,
  now = Date.now(),
): Promise<Outcome> {
  const job = await store.claim(now, LEASE_MS);
  if (!job) return null;
  try {
    await send(job);
    await store.settle(job);
    return { sent: job };
  } catch (err) {
    const attempts = job.attempts + 1;
    const reason = err instanceof Error ? err.message : String(err);
    await store.settle(job);
    if (attempts >= MAX_SEND_ATTEMPTS) {
      log(`[notifications] gave up on mail ${job.id} (${job.event}) after ${attempts} attempts: ${reason}`);
      await store.bury({ ...job, attempts });
      return { gaveUp: job };
    }
    const inMs = retryDelayMs(attempts);
    log(
      `[notifications] mail ${job.id} (${job.event}) failed (attempt ${attempts}/${MAX_SEND_ATTEMPTS}), retry in ${Math.round(inMs / 1000)} s: ${reason}`,
    );
    await store.push({ ...job, attempts }, now + inMs);
    return { retry: job, inMs };
  }
}

/** This process's queue. */
export function memoryStore(): QueueStore & { dead: MailJob[]; size(): number } {
  const queued = new Map<string, { job: MailJob; dueAt: number }>();
  const dead: MailJob[] = [];
  return {
    dead,
    size: () => queued.size,
    async push(job, dueAt) {
      queued.set(job.id, { job, dueAt });
    },
    async claim(now, leaseMs) {
      for (const entry of queued.values())
        if (entry.dueAt <= now) {
          entry.dueAt = now + leaseMs;
          return entry.job;
        }
      return null;
    },
    async settle(job) {
      queued.delete(job.id);
    },
    async bury(job) {
      dead.push(job);
    },
  };
}

const QUEUE_KEY = "notifications:mail-queue";
const DEAD_KEY = "notifications:mail-dead";
const DEAD_KEPT = 1000;

// ZSET member = the job's JSON, score = when it is due. Claiming moves the score past the lease
// in the same script that found it, so no second worker sees it as due.
const CLAIM = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
if #due == 0 then return false end
redis.call('ZADD', KEYS[1], ARGV[2], due[1])
return due[1]`;

/** The queue every instance shares. */
export function redisStore(redis: Redis): QueueStore {
  return {
    async push(job, dueAt) {
      await redis.zadd(QUEUE_KEY, dueAt, JSON.stringify(job));
    },
    async claim(now, leaseMs) {
      const raw = (await redis.eval(CLAIM, 1, QUEUE_KEY, String(now), String(now + leaseMs))) as
        string | null;
      return raw ? (JSON.parse(raw) as MailJob) : null;
    },
    async settle(job) {
      await redis.zrem(QUEUE_KEY, JSON.stringify(job));
    },
    async bury(job) {
      await redis
        .multi()
        .lpush(DEAD_KEY, JSON.stringify(job))
        .ltrim(DEAD_KEY, 0, DEAD_KEPT - 1)
        .exec();
    },
  };
}
