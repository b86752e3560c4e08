import type { FaultSpec } from "../lib/tusfacturas/emulator/control";
import { accounts, alerts, addBusiness, expect, signUp, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const account = accounts.a1005;

// Reads retry twice (3 attempts) on 429, 5xx, 524 and timeouts; never on the rest.
const cases: {
  name: string;
  fault: Omit<FaultSpec, "apikey">;
  message: string;
  attempts: number;
}[] = [
  {
    name: "HTTP 500",
    fault: { kind: "http500", count: 3 },
    message: "TusFacturas no está disponible en este momento. Probá de nuevo en unos minutos.",
    attempts: 3,
  },
  {
    name: "Cloudflare 524 with an HTML body",
    fault: { kind: "http524", count: 3 },
    message: "TusFacturas no está disponible en este momento. Probá de nuevo en unos minutos.",
    attempts: 3,
  },
  {
    name: "HTTP 429",
    fault: { kind: "http429", count: 3 },
    message:
      "TusFacturas recibió demasiadas solicitudes seguidas. Esperá unos segundos y probá de nuevo.",
    attempts: 3,
  },
  {
    name: "JSON that is not JSON",
    fault: { kind: "malformed", count: 1 },
    message: "TusFacturas respondió algo que Tablero no pudo interpretar.",
    attempts: 1,
  },
  {
    name: 'error "S" with messages',
    fault: {
      kind: "rejected",
      count: 1,
      messages: ["  Has superado la cantidad de requests de tu plan. "],
    },
    message: "TusFacturas rechazó el pedido: Has superado la cantidad de requests de tu plan.",
    attempts: 1,
  },
  {
    name: 'error "S" without messages',
    fault: { kind: "rejected", count: 1, messages: [] },
    message: "TusFacturas rechazó el pedido sin indicar el motivo.",
    attempts: 1,
  },
  // Just over the 6 s timeout the e2e server uses: TusFacturas keeps working on an abandoned
  // request and answers 429 to one of the same credentials that arrives meanwhile, so the
  // retry (after a 500 ms backoff) must find it done.
  {
    name: "a timeout",
    fault: { kind: "latency", latencyMs: 6_200, count: 3 },
    message: "TusFacturas no respondió a tiempo. Probá de nuevo en unos minutos.",
    attempts: 3,
  },
];

test("upstream failures keep the last snapshot and say what went wrong", async ({
  page,
  emulator,
}) => {
  await signUp(page);
  await addBusiness(page, account);
  const figure = (label: string) => page.locator("dl div").filter({ hasText: label }).locator("dd");
  await expect(figure("Cupo del plan")).toHaveText("1.000");

  for (const { name, fault, message, attempts } of cases) {
    await test.step(name, async () => {
      const before = (await emulator.calls(account.apikey)).total;
      await emulator.injectFault({ ...fault, apikey: account.apikey });
      await page.getByRole("button", { name: "Actualizar" }).click();
      const alert = alerts(page).filter({ hasText: "No se pudo actualizar el consumo" });
      await expect(alert).toContainText(message, { timeout: 30_000 });
      await expect(alert).toContainText("Se muestran los últimos datos obtenidos");
      await expect(page.getByRole("img", { name: "0 de 1.000 comprobantes usados" })).toBeVisible();
      await expect(figure("Disponibles")).toHaveText("1.000");
      await expect(page.getByRole("button", { name: "Actualizar" })).toBeEnabled();
      expect((await emulator.calls(account.apikey)).total).toBe(before + attempts);
      await expect(page.locator("body")).not.toContainText(/at \w+ \(|Error:|stack/i);
    });
  }

  // Let the emulator finish the last request the client abandoned at its timeout.
  await page.waitForTimeout(500);

  // The failure is remembered: a reload shows it with the snapshot, without another call.
  const before = (await emulator.calls(account.apikey)).total;
  await page.reload();
  await expect(alerts(page)).toContainText(
    "TusFacturas no respondió a tiempo. Probá de nuevo en unos minutos.",
  );
  expect((await emulator.calls(account.apikey)).total).toBe(before);

  // The next success clears it.
  await page.getByRole("button", { name: "Actualizar" }).click();
  await expect(alerts(page)).toHaveCount(0);
  expect((await emulator.calls(account.apikey)).total).toBe(before + 1);
});
