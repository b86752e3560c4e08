import { describe, expect, it } from "vitest";
import { ivaRequestStatuses, type IvaRequestStatus } from "@/lib/db/schema";
import {
  DUPLICATE_WINDOW_MS,
  duplicateQuestion,
  findDuplicate,
  mayHaveSent,
  whenSaid,
  type PriorRequest,
} from "./rules";

const HOUR = 60 * 60 * 1000;
// 20 November 2026, 10:42 in Buenos Aires (UTC-3).
const NOW = new Date("2026-11-20T13:42:00Z");
const ME = { id: "u-me", name: "Luis Gómez" };
const ANA = { id: "u-ana", name: "Ana Pérez" };

function prior(
  id: string,
  msAgo: number,
  status: IvaRequestStatus = "sent",
  requestedBy: PriorRequest["requestedBy"] = ME,
): PriorRequest {
  return { id, requestedAt: new Date(NOW.getTime() - msAgo), status, requestedBy };
}

describe("the duplicate window", () => {
  it("is 24 hours", () => {
    expect(DUPLICATE_WINDOW_MS).toBe(24 * HOUR);
  });

  it("counts a request made 23:59:59 ago and not one made exactly 24 hours ago", () => {
    const inside = prior("inside", 24 * HOUR - 1000);
    expect(findDuplicate([inside], NOW)).toEqual(inside);
    expect(findDuplicate([prior("edge", 24 * HOUR)], NOW)).toBeNull();
    expect(findDuplicate([prior("older", 30 * HOUR)], NOW)).toBeNull();
  });

  it("ignores a request dated after now (another server's clock ahead)", () => {
    expect(findDuplicate([prior("ahead", -1000)], NOW)).toBeNull();
  });

  it("counts what may have emailed the report and nothing else", () => {
    const counted = ivaRequestStatuses.filter(mayHaveSent);
    expect(counted).toEqual(["pending", "sent", "failed", "unconfirmed"]);
    for (const status of ivaRequestStatuses) {
      const found = findDuplicate([prior(status, HOUR, status)], NOW);
      expect(found?.id ?? null).toBe(counted.includes(status) ? status : null);
    }
  });

  it("answers the latest counted request, whatever the order", () => {
    const requests = [
      prior("three-hours", 3 * HOUR),
      prior("one-hour", HOUR, "failed"),
      prior("rejected-just-now", 60_000, "rejected"),
      prior("two-hours", 2 * HOUR),
    ];
    expect(findDuplicate(requests, NOW)?.id).toBe("one-hour");
    expect(findDuplicate([...requests].reverse(), NOW)?.id).toBe("one-hour");
    expect(findDuplicate([], NOW)).toBeNull();
  });
});

describe("whenSaid", () => {
  it.each([
    ["2026-11-20T13:42:00Z", "2026-11-20T13:42:00Z", "hoy a las 10:42"],
    ["2026-11-20T12:05:00Z", "2026-11-20T13:42:00Z", "hoy a las 09:05"],
    // Past midnight in Buenos Aires: "00:05", never "24:05".
    ["2026-11-20T03:05:00Z", "2026-11-20T13:42:00Z", "hoy a las 00:05"],
    ["2026-11-19T23:15:00Z", "2026-11-20T13:42:00Z", "ayer a las 20:15"],
    // Same UTC day, different days in Buenos Aires.
    ["2026-11-20T02:50:00Z", "2026-11-20T03:30:00Z", "ayer a las 23:50"],
    // Different UTC days, the same day in Buenos Aires.
    ["2026-11-20T13:42:00Z", "2026-11-21T02:30:00Z", "hoy a las 10:42"],
  ])("%s seen at %s is %j", (at, now, said) => {
    expect(whenSaid(new Date(at), new Date(now))).toBe(said);
  });
});

describe("duplicateQuestion", () => {
  it("asks the member who sent it", () => {
    expect(duplicateQuestion(prior("a", 0), ME.id, NOW)).toBe(
      "Ya lo solicitaste hoy a las 10:42. ¿Enviar de nuevo?",
    );
  });

  it("says yesterday for a request made before midnight in Buenos Aires", () => {
    const lastNight = new Date("2026-11-20T02:15:00Z");
    expect(duplicateQuestion(prior("a", NOW.getTime() - lastNight.getTime()), ME.id, NOW)).toBe(
      "Ya lo solicitaste ayer a las 23:15. ¿Enviar de nuevo?",
    );
  });

  it("names another member who asked", () => {
    expect(duplicateQuestion(prior("a", 0, "sent", ANA), ME.id, NOW)).toBe(
      "Ana Pérez ya lo solicitó hoy a las 10:42. ¿Enviar de nuevo?",
    );
  });

  it.each(["failed", "unconfirmed", "pending"] as const)(
    "says TusFacturas did not confirm a %s request",
    (status) => {
      expect(duplicateQuestion(prior("a", 0, status), ME.id, NOW)).toBe(
        "Ya lo solicitaste hoy a las 10:42 y TusFacturas no confirmó si lo envió. ¿Enviar de nuevo?",
      );
      expect(duplicateQuestion(prior("a", 0, status, ANA), ME.id, NOW)).toBe(
        "Ana Pérez ya lo solicitó hoy a las 10:42 y TusFacturas no confirmó si lo envió. ¿Enviar de nuevo?",
      );
    },
  );
});
