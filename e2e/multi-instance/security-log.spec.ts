/**
 * The security log as an operator reads it, on PostgreSQL: failed and throttled sign-ins
 * (which happen inside Auth.js, out of Vitest's reach) land in `security_events`, and
 * `npm run security-log` prints them while the instances run.
 */
import { spawnSync } from "node:child_process";
import { signUp } from "../fixtures";
import { expect, test } from "./fixtures";
import { readState } from "./state";

test.skip(!process.env.TEST_DATABASE_URL, "La suite de varias instancias necesita PostgreSQL.");

test("failed and throttled sign-ins are in the security log and in npm run security-log", async ({
  page,
  cluster,
}) => {
  await cluster.ensure("A");
  const user = await signUp(page);
  await page.context().clearCookies();

  const tryPassword = async (password: string) => {
    await page.goto("/ingresar");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Contraseña").fill(password);
    await page.getByRole("button", { name: "Ingresar" }).click();
  };
  await tryPassword("no-es-la-contraseña");
  await expect(page.getByText("El email o la contraseña no son correctos.")).toBeVisible();
  for (let i = 0; i < 5; i++) await tryPassword(`tampoco-${i}`);
  await expect(page.getByText(/^Demasiados intentos fallidos/)).toBeVisible();

  const { rows } = await cluster.pool.query<{ kind: string; n: number }>(
    `select kind, count(*)::int as n from security_events where email = $1 group by kind`,
    [user.email],
  );
  const counts = Object.fromEntries(rows.map((row) => [row.kind, row.n]));
  expect(counts["sign_in.failed"]).toBeGreaterThanOrEqual(5);
  expect(counts["sign_in.throttled"]).toBeGreaterThanOrEqual(1);

  const { config } = readState()!;
  const run = spawnSync("npm", ["run", "-s", "security-log", "--", "--since", "1h", "--json"], {
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      AUTH_SECRET: config.authSecret,
      TABLERO_ENCRYPTION_KEY: config.encryptionKey,
      TABLERO_LOG_LEVEL: "silent",
    },
  });
  expect(run.status, run.stderr).toBe(0);
  const printed = run.stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { kind: string; email: string | null; label: string });
  expect(printed).toContainEqual(
    expect.objectContaining({
      kind: "sign_in.throttled",
      email: user.email,
      label: "Ingreso frenado por demasiados intentos",
    }),
  );
});
