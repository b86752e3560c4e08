import "server-only";
import { createHash } from "node:crypto";
import { isIPv6 } from "node:net";
import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { throttles } from "@/lib/db/schema";

export type ThrottleRule = {
  name: string;
  /** Failures allowed in the window before any wait. */
  free: number;
  windowMs: number;
  /** The first wait; each further failure doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
};

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** The limits, shared by every instance through the database. */
export const throttleRules = {
  /** One email from one address: the owner's own attempts elsewhere are never counted here. */
  signInPair: {
    name: "sign-in:email+address",
    free: 5,
    windowMs: 15 * MINUTE,
    baseDelayMs: 15 * SECOND,
    maxDelayMs: 15 * MINUTE,
  },
  /** Everything from one address, whichever emails it tries. */
  signInAddress: {
    name: "sign-in:address",
    free: 50,
    windowMs: 15 * MINUTE,
    baseDelayMs: 15 * SECOND,
    maxDelayMs: 15 * MINUTE,
  },
  /**
   * Wrong two-factor codes of one account (keyed by user id), at sign-in and in «Confirmá que
   * sos vos», wherever they come from: someone holding the password and many addresses must
   * not get more guesses at the 6 digits.
   */
  twoFactorCode: {
    name: "two-factor:user",
    free: 5,
    windowMs: 15 * MINUTE,
    baseDelayMs: MINUTE,
    maxDelayMs: 60 * MINUTE,
  },
  /** Accounts created from one address (every attempt counts; `free` from the environment). */
  signUpAddress: {
    name: "sign-up:address",
    free: 10,
    windowMs: 60 * MINUTE,
    baseDelayMs: MINUTE,
    maxDelayMs: 60 * MINUTE,
  },
} satisfies Record<string, ThrottleRule>;

/**
 * What a client address is counted under: an IPv4 address as is, an IPv6 one by its /64
 * network (one host's usual allotment: counting each address apart would give it 2^64 keys);
 * no address at all under one shared key.
 */
export function addressKey(address: string | null): string {
  if (address === null) return "desconocida";
  const bare = address.split("%")[0]!;
  if (!isIPv6(bare)) return address;
  const [head = "", tail] = bare.split("::");
  // Groups of 16 bits; an IPv4 tail is two of them (past the /64 either way).
  const groups = (part: string) =>
    part ? part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group])) : [];
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  const network = full.slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  return `${network.join(":")}::/64`;
}

/** How long `failures` in one window block a key. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (failures - rule.free - 1));
}

/** "15 segundos", "2 minutos": how long to wait, for a message. */
export function describeWait(ms: number): string {
  if (ms < MINUTE) {
    const seconds = Math.max(1, Math.ceil(ms / SECOND));
    return seconds === 1 ? "1 segundo" : `${seconds} segundos`;
  }
  const minutes = Math.ceil(ms / MINUTE);
  return minutes === 1 ? "1 minuto" : `${minutes} minutos`;
}

const digest = (key: string) => createHash("sha256").update(key).digest("hex");

/** Growing waits after repeated failures, per rule and key, stored in `throttles`. */
export function createThrottleService({ db, now }: { db: Database; now: () => Date }) {
  const row = (rule: ThrottleRule, key: string) =>
    and(eq(throttles.rule, rule.name), eq(throttles.key, digest(key)));

  return {
    /** How long `key` must still wait under `rule` (0: it may try now). */
    async waitFor(rule: ThrottleRule, key: string): Promise<number> {
      const [found] = await db
        .select({ blockedUntil: throttles.blockedUntil })
        .from(throttles)
        .where(row(rule, key));
      const until = found?.blockedUntil?.getTime() ?? 0;
      return Math.max(0, until - now().getTime());
    },

    /** Counts a failure (or, for sign-ups, an attempt); returns the wait it now imposes. */
    async fail(rule: ThrottleRule, key: string): Promise<number> {
      const at = now();
      const windowStart = new Date(at.getTime() - rule.windowMs);
      const [counted] = await db
        .insert(throttles)
        .values({ rule: rule.name, key: digest(key), failures: 1, windowStartedAt: at })
        .onConflictDoUpdate({
          target: [throttles.rule, throttles.key],
          set: {
            failures: sql`case when ${throttles.windowStartedAt} < ${windowStart} then 1 else ${throttles.failures} + 1 end`,
            windowStartedAt: sql`case when ${throttles.windowStartedAt} < ${windowStart} then ${at} else ${throttles.windowStartedAt} end`,
          },
        })
        .returning({ failures: throttles.failures });
      const wait = delayAfter(rule, counted!.failures);
      if (wait > 0) {
        await db
          .update(throttles)
          .set({ blockedUntil: new Date(at.getTime() + wait) })
          .where(row(rule, key));
      }
      return wait;
    },

    /**
     * Counts an attempt before it is checked, unless the key is waiting: returns that wait (the
     * attempt refused, not counted) or 0 (admitted, counted as a failure until `clear`). The
     * wait it then sets is for the next attempt, so a wait told is true: once it is over, one
     * more attempt is let in. One locked row per key: attempts sent together are admitted one
     * by one, never all on the same stale count.
     */
    async admit(rule: ThrottleRule, key: string): Promise<number> {
      const at = now();
      const windowStart = new Date(at.getTime() - rule.windowMs);
      await db
        .insert(throttles)
        .values({ rule: rule.name, key: digest(key), failures: 0, windowStartedAt: at })
        .onConflictDoNothing();
      return db.transaction(async (tx) => {
        const [found] = await tx
          .select({
            failures: throttles.failures,
            windowStartedAt: throttles.windowStartedAt,
            blockedUntil: throttles.blockedUntil,
          })
          .from(throttles)
          .where(row(rule, key))
          .for("update");
        const wait = Math.max(0, (found?.blockedUntil?.getTime() ?? 0) - at.getTime());
        if (wait > 0) return wait;
        const fresh = !found || found.windowStartedAt < windowStart;
        const failures = fresh ? 1 : found.failures + 1;
        const next = delayAfter(rule, failures + 1);
        await tx
          .insert(throttles)
          .values({
            rule: rule.name,
            key: digest(key),
            failures,
            windowStartedAt: fresh ? at : found.windowStartedAt,
            blockedUntil: next > 0 ? new Date(at.getTime() + next) : null,
          })
          .onConflictDoUpdate({
            target: [throttles.rule, throttles.key],
            set: {
              failures,
              windowStartedAt: fresh ? at : found.windowStartedAt,
              blockedUntil: next > 0 ? new Date(at.getTime() + next) : null,
            },
          });
        return 0;
      });
    },

    /** Takes back one counted attempt (it succeeded). */
    async forgive(rule: ThrottleRule, key: string): Promise<void> {
      await db
        .update(throttles)
        .set({ failures: sql`greatest(${throttles.failures} - 1, 0)` })
        .where(row(rule, key));
    },

    /** A success forgets the key's failures under `rule`. */
    async clear(rule: ThrottleRule, key: string): Promise<void> {
      await db.delete(throttles).where(row(rule, key));
    },

    /** Drops rows whose window and wait are both over. */
    async prune(): Promise<void> {
      const longest = Math.max(...Object.values(throttleRules).map((r) => r.windowMs));
      const cutoff = new Date(now().getTime() - longest);
      await db
        .delete(throttles)
        .where(
          and(
            lt(throttles.windowStartedAt, cutoff),
            or(sql`${throttles.blockedUntil} is null`, lt(throttles.blockedUntil, now())),
          ),
        );
    },
  };
}

export type ThrottleService = ReturnType<typeof createThrottleService>;
