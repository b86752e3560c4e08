import type { Browser, Page } from "@playwright/test";
import {
  accounts,
  addBusiness,
  alerts,
  expect,
  acceptBySigningUp,
  expectNoAxeViolations,
  invite,
  newUser,
  signUp,
  test,
  rewriteActionCalls,
} from "./fixtures";

// Accounts 1011 (cupo almost used up) and 1012 are this file's alone.
test.describe.configure({ mode: "serial" });

const IVA = "micuenta/iva_compras_ventas";

async function freshPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("an owner shares two businesses with an accountant and a read-only member, and takes access back", async ({
  browser,
  emulator,
}) => {
  test.setTimeout(240_000);
  const owner = await freshPage(browser);
  const ownerUser = await signUp(owner);
  // Nobody has shared anything yet: the empty state explains both ways in.
  await expect(owner.getByText("Todavía no tenés empresas")).toBeVisible();
  await expect(owner.getByText(/abrí el enlace de la invitación/)).toBeVisible();

  const norte = await addBusiness(owner, accounts.a1011, "Almacén Norte");
  const sur = await addBusiness(owner, accounts.a1012, "Bazar Sur");

  const contador = newUser();
  const lector = newUser();
  let linkNorte = "";
  let linkLector = "";
  let linkSur = "";
  await test.step("invitations: a link shown once, listed as pending", async () => {
    linkNorte = await invite(owner, norte, contador.email, "Contador");
    await expectNoAxeViolations(owner);
    linkLector = await invite(owner, norte, lector.email, "Lectura");
    const pending = owner.getByRole("region", { name: "Invitaciones pendientes" });
    await expect(pending.getByRole("listitem")).toHaveCount(2);
    await expect(pending).toContainText(lector.email);
    // Revoked and sent again later, so that it is fresh when it is used (links last a minute
    // on the e2e server).
    await pending.getByRole("button", { name: `Revocar la invitación de ${lector.email}` }).click();
    await expect(pending.getByRole("listitem")).toHaveCount(1);
    await expect(pending).toContainText(`${contador.email}`);
    await expect(pending).toContainText("Contador");
    linkSur = await invite(owner, sur, contador.email, "Contador");
  });

  await test.step("only the invited email may accept, and only once", async () => {
    const other = await freshPage(browser);
    await signUp(other);
    await other.goto(linkNorte);
    await expect(alerts(other)).toHaveText(
      "Esta invitación no es para tu cuenta: ingresá con el email al que te invitaron.",
    );
    await expect(other.getByText("Almacén Norte")).toHaveCount(0);
    await other.goto(`/empresas/${norte}/consumo`);
    await expect(other.getByRole("heading", { name: "No encontramos esta página" })).toBeVisible();
  });

  const accountant = await freshPage(browser);
  await test.step("the accountant creates an account from the link and is in", async () => {
    await accountant.goto(linkNorte);
    await expect(
      accountant.getByText(/te invitó a Almacén Norte con el rol Contador/),
    ).toBeVisible();
    await acceptBySigningUp(accountant, linkNorte, contador);
    await accountant.waitForURL(`**/empresas/${norte}/consumo`);
    await expect(accountant.getByText("Tu rol: Contador")).toBeVisible();
    await accountant.goto(linkNorte);
    await expect(alerts(accountant)).toHaveText("Esta invitación ya fue usada.");
    // Signed in, the second invitation is one click.
    await accountant.goto(linkSur);
    await accountant.getByRole("button", { name: "Aceptar invitación" }).click();
    await accountant.waitForURL(`**/empresas/${sur}/consumo`);
  });

  const reader = await freshPage(browser);
  await test.step("a revoked link is refused; the read-only member joins with a new one", async () => {
    await reader.goto(linkLector);
    await expect(alerts(reader)).toHaveText(
      "Esta invitación fue revocada. Pedile a quien te invitó una nueva.",
    );
    linkLector = await invite(owner, norte, lector.email, "Lectura");
    await acceptBySigningUp(reader, linkLector, lector);
    await reader.waitForURL(`**/empresas/${norte}/consumo`);
  });

  await test.step("a link that expired is refused", async () => {
    const late = newUser();
    const linkLate = await invite(owner, norte, late.email, "Lectura");
    // The e2e server's invitations last a minute (playwright.config.ts).
    await owner.waitForTimeout(61_000);
    const latePage = await freshPage(browser);
    await latePage.goto(linkLate);
    await expect(alerts(latePage)).toHaveText(
      "Esta invitación venció. Pedile a quien te invitó una nueva.",
    );
  });

  await test.step("the portfolio shows both businesses and their alerts without calling TusFacturas", async () => {
    await emulator.injectFault({
      apikey: accounts.a1012.apikey,
      method: IVA,
      kind: "rejected",
      count: 1,
      messages: ["El punto de venta no está habilitado."],
    });
    await accountant.goto(`/empresas/${sur}/iva`);
    await accountant.getByRole("button", { name: "Solicitar reporte" }).click();
    await accountant.getByRole("button", { name: "Confirmar y enviar" }).click();
    await expect(alerts(accountant)).toContainText("El punto de venta no está habilitado.");

    const before = [
      (await emulator.calls(accounts.a1011.apikey)).total,
      (await emulator.calls(accounts.a1012.apikey)).total,
    ];
    await accountant.goto("/empresas");
    const cards = accountant.getByRole("list", { name: "Empresas" }).getByRole("article");
    await expect(cards).toHaveCount(2);
    const norteCard = cards.filter({ hasText: "Almacén Norte" });
    const surCard = cards.filter({ hasText: "Bazar Sur" });
    await expect(norteCard).toContainText("Cupo bajo: quedan 15 de 200 comprobantes.");
    await expect(norteCard.getByRole("img")).toHaveAccessibleName("185 de 200 comprobantes usados");
    await expect(surCard).toContainText(
      "TusFacturas rechazó el último reporte de IVA: El punto de venta no está habilitado.",
    );
    await expect(surCard).not.toContainText("Cupo bajo");
    await accountant
      .getByLabel("Ordenar por")
      .selectOption({ label: "Cupo disponible (menor primero)" });
    await expect(cards.first()).toContainText("Almacén Norte");
    await accountant.getByLabel("Buscar empresa").fill("bazar");
    await expect(cards).toHaveCount(1);
    await expectNoAxeViolations(accountant);
    await cards.first().getByRole("link", { name: "Bazar Sur" }).click();
    await accountant.waitForURL(`**/empresas/${sur}/consumo`);
    expect([
      (await emulator.calls(accounts.a1011.apikey)).total,
      (await emulator.calls(accounts.a1012.apikey)).total,
    ]).toEqual(before);
  });

  await test.step("the accountant cannot reach the credentials, members or log", async () => {
    await accountant.goto(`/empresas/${norte}/consumo`);
    const tabs = accountant.getByRole("navigation", { name: "Secciones de la empresa" });
    await expect(tabs.getByRole("link", { name: "Credenciales" })).toHaveCount(0);
    await accountant.goto(`/empresas/${norte}/credenciales`);
    await expect(
      accountant.getByText("Solo los dueños de la empresa pueden ver y cambiar sus credenciales."),
    ).toBeVisible();
    await expect(accountant.getByLabel("API key")).toHaveCount(0);
    await accountant.goto(`/empresas/${norte}/miembros`);
    await expect(accountant.getByText("Solo los dueños de la empresa pueden ver")).toBeVisible();
    await accountant.goto(`/empresas/${norte}/actividad`);
    await expect(accountant.getByText("Solo los dueños de la empresa pueden ver")).toBeVisible();
  });

  await test.step("nor call the credentials action, replayed with the business's id", async () => {
    // The accountant's own business gives a real action call; its id is then swapped.
    const own = await addBusiness(accountant, accounts.a1012, "Kiosco Propio");
    await rewriteActionCalls(accountant, own, norte);
    const before = (await emulator.calls(accounts.a1011.apikey)).total;
    await accountant.goto(`/empresas/${own}/credenciales`);
    await accountant.getByLabel("API key").fill("9999");
    await accountant.getByLabel("API token").fill("tokenajeno");
    await accountant.getByLabel("User token").fill("userajeno");
    await accountant.getByRole("button", { name: "Guardar" }).click();
    await expect(
      accountant.getByRole("region", { name: "Reemplazar credenciales" }).getByRole("alert"),
    ).toHaveText("Tu rol en esta empresa no permite esta acción.");
    await accountant.unroute("**/*");
    expect((await emulator.calls(accounts.a1011.apikey)).total).toBe(before);
    await owner.goto(`/empresas/${norte}/credenciales`);
    await expect(owner.getByText("Credenciales cargadas y verificadas")).toBeVisible();
  });

  await test.step("the read-only member cannot refresh", async () => {
    const before = (await emulator.calls(accounts.a1011.apikey)).total;
    await reader.goto(`/empresas/${norte}/consumo`);
    await expect(reader.getByRole("button", { name: "Actualizar" })).toBeDisabled();
    await expect(
      reader.getByText("Tu rol no permite actualizar: solo ves los datos guardados."),
    ).toBeVisible();
    await reader.goto(`/empresas/${norte}/iva`);
    await expect(reader.getByRole("button", { name: "Solicitar reporte" })).toBeDisabled();
    await expect(
      reader.getByText("Tu rol en esta empresa no permite solicitar reportes de IVA."),
    ).toBeVisible();
    expect((await emulator.calls(accounts.a1011.apikey)).total).toBe(before);
  });

  await test.step("a business always keeps an owner", async () => {
    await owner.goto(`/empresas/${norte}/miembros`);
    await owner.getByLabel(`Rol de ${ownerUser.name}`).selectOption({ label: "Contador" });
    // Choosing is not changing: nothing happens until "Cambiar rol".
    await expect(alerts(owner)).toHaveCount(0);
    await owner
      .getByRole("button", { name: `Cambiar el rol de ${ownerUser.name} a Contador` })
      .click();
    await expect(alerts(owner)).toHaveText("La empresa necesita al menos un dueño.");
    await owner.reload();
    await expect(owner.getByLabel(`Rol de ${ownerUser.name}`)).toHaveValue("owner");
  });

  await test.step("signing in again is logged in every business of the accountant", async () => {
    await accountant.getByRole("button", { name: "Salir" }).click();
    await accountant.waitForURL("**/ingresar");
    await accountant.getByLabel("Email").fill(contador.email);
    await accountant.getByLabel("Contraseña").fill(contador.password);
    await accountant.getByRole("button", { name: "Ingresar" }).click();
    await expect(accountant.getByRole("heading", { name: "Tus empresas" })).toBeVisible();
  });

  await test.step("removed, the accountant loses access on the next request", async () => {
    await accountant.goto(`/empresas/${norte}/consumo`);
    await expect(accountant.getByRole("button", { name: "Actualizar" })).toBeEnabled();
    await owner.goto(`/empresas/${norte}/miembros`);
    const row = owner.getByRole("row", { name: new RegExp(contador.name) });
    await row.getByRole("button", { name: "Quitar" }).click();
    await owner.getByRole("button", { name: "Sí, quitar" }).click();
    await expect(owner.getByRole("row", { name: new RegExp(contador.name) })).toHaveCount(0);

    const before = (await emulator.calls(accounts.a1011.apikey)).total;
    await accountant.getByRole("button", { name: "Actualizar" }).click();
    await expect(alerts(accountant)).toContainText("No encontramos esa empresa.");
    await accountant.reload();
    await expect(
      accountant.getByRole("heading", { name: "No encontramos esta página" }),
    ).toBeVisible();
    expect((await emulator.calls(accounts.a1011.apikey)).total).toBe(before);
    // Still a member of the other business (and owner of their own).
    await accountant.goto("/empresas");
    await expect(accountant.getByRole("article")).toHaveCount(2);
    await expect(accountant.getByRole("article").filter({ hasText: "Almacén Norte" })).toHaveCount(
      0,
    );
  });

  await test.step("the owner's log shows all of it, and what Tablero cost the plan", async () => {
    await owner.goto(`/empresas/${norte}/actividad`);
    const log = owner.getByRole("table", { name: "Registro de actividad de la empresa" });
    await expect(log).toContainText(`Invitó a ${contador.email} (Contador)`);
    await expect(log).toContainText(`Invitó a ${lector.email} (Lectura)`);
    await expect(
      log.getByRole("row", { name: new RegExp(`${contador.name}.*Aceptó la invitación Contador`) }),
    ).toHaveCount(1);
    await expect(
      log.getByRole("row", { name: new RegExp(`${contador.name}.*Ingresó a Tablero`) }).first(),
    ).toBeVisible();
    await expect(log).toContainText(`Quitó de la empresa a ${contador.name} (${contador.email})`);
    await expect(log.getByRole("row", { name: /Actualizó el consumo/ }).first()).toContainText("1");
    await expect(log).not.toContainText(accounts.a1011.apitoken);
    // Every request the emulator received for this business was counted by Tablero.
    const calls = (await emulator.calls(accounts.a1011.apikey)).total;
    await expect(owner.getByTestId("requests-mes")).toHaveText(String(calls));
    await expectNoAxeViolations(owner);
  });
});
