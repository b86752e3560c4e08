import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, or, type AnyColumn, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { tusfacturasRequests } from "@/lib/db/schema";

/**
 * The last attempt of one kind of call, and the last failure the user was shown since the
 * stored copy was taken (a failure before it is stale news), as two one-row subqueries for a
 * page's single query to join laterally. `requests` picks the calls (business, method, subject);
 * `copyFetchedAt` is the stored copy's time, null when there is none.
 */
export function latestAttemptAndFailure(
  db: Database,
  requests: SQL | undefined,
  copyFetchedAt: AnyColumn,
) {
  const attempt = db
    .select({ attemptAt: tusfacturasRequests.at })
    .from(tusfacturasRequests)
    .where(requests)
    .orderBy(desc(tusfacturasRequests.at))
    .limit(1)
    .as("attempt");
  // Only the last attempt of a failed call carries the message (lib/upstream/record.ts); the
  // retries before it are not what the user was told.
  const failure = db
    .select({ errorMessage: tusfacturasRequests.errorMessage, errorAt: tusfacturasRequests.at })
    .from(tusfacturasRequests)
    .where(
      and(
        requests,
        eq(tusfacturasRequests.outcome, "error"),
        isNotNull(tusfacturasRequests.errorMessage),
        or(isNull(copyFetchedAt), gt(tusfacturasRequests.at, copyFetchedAt)),
      ),
    )
    .orderBy(desc(tusfacturasRequests.at))
    .limit(1)
    .as("failure");
  return { attempt, failure };
}
