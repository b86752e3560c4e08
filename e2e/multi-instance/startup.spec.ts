/**
 * Starting together: three instances started at the same moment on an empty database (each
 * one migrating it, and the job queue's schema) all become ready.
 */
import {
  describeHealth,
  isHealthy,
  logTail,
  readHealth,
  sleep,
  stopInstance,
  type HealthAnswer,
  type InstanceRecord,
} from "./cluster";
import { expect, test } from "./fixtures";
import type { InstanceName } from "./ports";

test.skip(!process.env.TEST_DATABASE_URL, "La suite de varias instancias necesita PostgreSQL.");

const TOGETHER: InstanceName[] = ["D", "E", "F"];
const READY_WITHIN_MS = 90_000;

test("three instances started at the same moment on an empty database all become ready", async ({
  cluster,
}) => {
  const database = await cluster.newDatabase();
  const started: InstanceRecord[] = [];
  try {
    for (const name of TOGETHER) started.push(cluster.spawn(name, database.url));
    const last = new Map<string, HealthAnswer>();
    const deadline = Date.now() + READY_WITHIN_MS;
    while (Date.now() < deadline) {
      const answers = await Promise.all(started.map((i) => readHealth(i.url)));
      answers.forEach((answer, i) => last.set(started[i]!.name, answer));
      if (answers.every(isHealthy)) break;
      await sleep(500);
    }
    const report = started
      .map((i) => {
        const answer = last.get(i.name)!;
        return isHealthy(answer)
          ? null
          : `${i.name}: ${describeHealth(answer)}\n--- ${i.logFile}\n${logTail(i, 15)}`;
      })
      .filter((line) => line !== null);
    expect(
      report,
      `every instance answers /api/health 200 "ok" within ${READY_WITHIN_MS / 1000} s`,
    ).toEqual([]);
    const bodies = started.map((i) => last.get(i.name)!.body!);
    expect(
      bodies.map((b) => b.checks),
      "database, migrations and queue checked on each",
    ).toEqual(bodies.map(() => ({ database: true, migrations: true, queue: true })));
    expect(new Set(bodies.map((b) => b.instance)).size, "three distinct instance ids").toBe(3);
  } finally {
    await Promise.all(started.map((i) => stopInstance(i, 15_000)));
    await cluster.dropDatabase(database.name);
  }
});
