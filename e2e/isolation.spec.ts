import { randomUUID } from "node:crypto";
import {
  alerts,
  accounts,
  addBusiness,
  expect,
  signUp,
  test,
  rewriteActionCalls,
} from "./fixtures";

test("a user who is not a member can neither open another's business nor call its actions", async ({
  browser,
  emulator,
}) => {
  const owner = await browser.newPage();
  await signUp(owner);
  const victimId = await addBusiness(owner, accounts.a1006, "Empresa de otra persona");

  const intruder = await browser.newContext().then((context) => context.newPage());
  await signUp(intruder);

  for (const path of [
    `/empresas/${victimId}`,
    `/empresas/${victimId}/consumo`,
    `/empresas/${victimId}/credenciales`,
  ]) {
    await intruder.goto(path);
    await expect(
      intruder.getByRole("heading", { name: "No encontramos esta página" }),
    ).toBeVisible();
    await expect(intruder.getByText("Empresa de otra persona")).toHaveCount(0);
  }
  // The routes the pages read through answer like the pages.
  for (const route of [
    `/api/empresas/${victimId}/consumo`,
    `/api/empresas/${victimId}/clientes/30712340017/cuenta-corriente`,
    `/api/empresas/${victimId}/clientes/30712340017/movimientos?snapshot=${randomUUID()}`,
  ]) {
    const response = await intruder.request.get(route);
    expect(response.status(), route).toBe(404);
    expect(await response.text()).not.toContain("Empresa de otra persona");
  }

  // The intruder's own business gives them real action calls; rewriting the id in those
  // requests is what an attacker would do.
  const ownId = await addBusiness(intruder, accounts.a1006, "Empresa propia");
  await rewriteActionCalls(intruder, ownId, victimId);
  const callsBefore = (await emulator.calls(accounts.a1006.apikey)).total;

  await intruder.goto(`/empresas/${ownId}/consumo`);
  await intruder.getByRole("button", { name: "Actualizar" }).click();
  await expect(alerts(intruder)).toContainText("No encontramos esa empresa.");

  await intruder.goto(`/empresas/${ownId}/credenciales`);
  await intruder.getByLabel("API key").fill("9999");
  await intruder.getByLabel("API token").fill("tokenrobado");
  await intruder.getByLabel("User token").fill("userrobado");
  await intruder.getByRole("button", { name: "Guardar" }).click();
  const replaceSection = intruder.getByRole("region", { name: "Reemplazar credenciales" });
  await expect(replaceSection.getByRole("alert")).toHaveText("No encontramos esa empresa.");

  await intruder.getByRole("button", { name: "Eliminar empresa" }).click();
  await intruder.getByRole("button", { name: "Sí, eliminar empresa" }).click();
  const deleteSection = intruder.getByRole("region", { name: "Eliminar empresa" });
  await expect(deleteSection.getByRole("alert")).toHaveText("No encontramos esa empresa.");

  expect((await emulator.calls(accounts.a1006.apikey)).total).toBe(callsBefore);

  // The owner's business is untouched: still there, credentials still verified.
  await owner.goto(`/empresas/${victimId}/credenciales`);
  await expect(owner.getByText("Credenciales cargadas y verificadas")).toBeVisible();
  await owner.goto("/empresas");
  await expect(owner.getByText("Empresa de otra persona")).toBeVisible();
});
