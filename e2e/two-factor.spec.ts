import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { generate } from "otplib";
import {
  addBusiness,
  expectNoAxeViolations,
  expect,
  newUser,
  openVerificationLink,
  signIn,
  signUp,
  submitSignUp,
  test,
  type TestUser,
} from "./fixtures";

// Businesses here carry credentials no emulator account has: verifying them fails (the business
// is kept), and no other spec's call counts are touched.
const BOGUS = {
  apikey: "9911",
  apitoken: "no-existe",
  usertoken: "no-existe",
  cuit: "30712293841",
};

test.describe.configure({ mode: "serial" });

async function freshPage(browser: Browser, baseURL?: string): Promise<Page> {
  return (await browser.newContext(baseURL ? { baseURL } : {})).newPage();
}

/** The app's code, one step ahead: never the step the set-up (or an earlier sign-in) used. */
function nextCode(secret: string, stepsAhead = 1): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/**
 * "Activar la verificación en dos pasos" on the page shown; returns the key and the codes.
 * Turning it on needs a recent sign-in: when the sign-in no longer vouches for the person,
 * «Confirmá que sos vos» asks for the password first.
 */
async function enrol(
  page: Page,
  user: TestUser,
  { asksWhoYouAre = false } = {},
): Promise<{ secret: string; codes: string[] }> {
  await page.getByRole("button", { name: "Activar la verificación en dos pasos" }).click();
  const qr = page.getByRole("img", {
    name: "Código QR para agregar Tablero a tu app de autenticación",
  });
  const dialog = page.getByRole("dialog", { name: "Confirmá que sos vos" });
  await expect(asksWhoYouAre ? dialog : qr.or(dialog)).toBeVisible();
  if (await dialog.isVisible()) {
    await expect(qr).toHaveCount(0);
    await dialog.getByLabel("Contraseña").fill(user.password);
    await dialog.getByRole("button", { name: "Confirmar" }).click();
  }
  await expect(qr).toBeVisible();
  await expectNoAxeViolations(page);
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  // A code from an hour ago: wrong now.
  const stale = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 3600 });
  await page.getByLabel("Código de la app").fill(stale);
  await page.getByRole("button", { name: "Activar", exact: true }).click();
  await expect(page.getByText("El código no es correcto.")).toBeVisible();

  await page.getByLabel("Código de la app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Activar", exact: true }).click();
  const list = page.getByRole("list", { name: "Códigos de recuperación" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  await expect(page.getByRole("heading", { name: "Tus códigos de recuperación" })).toBeFocused();
  await expectNoAxeViolations(page);
  const codes = await list.getByRole("listitem").allInnerTexts();
  for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$/);
  return { secret, codes };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Salir" }).click();
  await expect(page.getByRole("button", { name: "Ingresar" })).toBeVisible();
}

/** Email and password; with two-factor on, the form then asks for the code. */
async function signInAskedForCode(page: Page, user: TestUser) {
  await page.goto("/ingresar");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByLabel("Código de verificación")).toBeFocused();
}

async function submitCode(page: Page, code: string) {
  await page.getByLabel("Código de verificación").fill(code);
  await page.getByRole("button", { name: "Verificar e ingresar" }).click();
}

test("two-factor: set up with a QR code, then sign-in asks for the code; a recovery code works once", async ({
  browser,
}) => {
  const page = await freshPage(browser);
  const user = await signUp(page);
  await page.goto("/cuenta");
  await expect(page.getByRole("heading", { name: "Verificación en dos pasos" })).toBeVisible();
  await expectNoAxeViolations(page);
  const { secret, codes } = await enrol(page, user);
  await page.getByRole("button", { name: "Ya los guardé" }).click();
  const state = page.getByRole("region", { name: "Verificación en dos pasos" });
  await expect(state.getByText(/^Activada desde el \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
  await expect(state.getByText("Te quedan 10 códigos de recuperación.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Códigos de recuperación" })).toHaveCount(0);

  await test.step("sign-in asks for the code; a wrong one is refused in Spanish", async () => {
    await signOut(page);
    await signInAskedForCode(page, user);
    await expectNoAxeViolations(page);
    const stale = await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 3600 });
    await submitCode(page, stale);
    await expect(page.getByText("El código de verificación no es correcto.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tus empresas" })).toHaveCount(0);
    await submitCode(page, await nextCode(secret));
    await expect(page.getByRole("heading", { name: "Tus empresas" })).toBeVisible();
  });

  await test.step("a recovery code signs in once; the second time it is refused", async () => {
    await signOut(page);
    await signInAskedForCode(page, user);
    await submitCode(page, codes[0]!.toLowerCase());
    await expect(page.getByRole("heading", { name: "Tus empresas" })).toBeVisible();
    await page.goto("/cuenta");
    await expect(page.getByText("Te quedan 9 códigos de recuperación.")).toBeVisible();

    await signOut(page);
    await signInAskedForCode(page, user);
    await submitCode(page, codes[0]!);
    await expect(page.getByText("El código de verificación no es correcto.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Tus empresas" })).toHaveCount(0);
  });
});

test("an address not confirmed yet cannot turn two-factor on: «Tu cuenta» says why", async ({
  browser,
}) => {
  const page = await freshPage(browser);
  const user = newUser();
  await submitSignUp(page, user);
  await signIn(page, user);
  await page.goto("/cuenta");
  const section = page.getByRole("region", { name: "Verificación en dos pasos" });
  await expect(section.getByText("Confirmá tu email antes de activarla")).toBeVisible();
  await expect(
    section.getByRole("button", { name: "Activar la verificación en dos pasos" }),
  ).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Once the address is confirmed, it can be turned on.
  await openVerificationLink(page, user);
  await page.goto("/cuenta");
  await enrol(page, user);
});

test("an owner requires two-factor: an accountant without it is asked to set it up before entering", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const owner = await freshPage(browser);
  const ownerUser = await signUp(owner);
  await owner.goto("/cuenta");
  await enrol(owner, ownerUser);
  await owner.getByRole("button", { name: "Ya los guardé" }).click();
  const razonSocial = `Estudio Seguro ${randomBytes(2).toString("hex")}`;
  const businessId = await addBusiness(owner, BOGUS, razonSocial);

  await owner.goto(`/empresas/${businessId}/miembros`);
  await expect(
    owner.getByRole("row", { name: /\(vos\)/ }).getByRole("cell", { name: "Activada" }),
  ).toBeVisible();
  const security = owner.getByRole("region", { name: "Verificación en dos pasos obligatoria" });
  await security.getByRole("button", { name: "Pedirla a todos los miembros" }).click();
  await expect(
    security.getByText(
      "Desde ahora, para entrar a esta empresa hace falta la verificación en dos pasos.",
    ),
  ).toBeVisible();
  await expectNoAxeViolations(owner);

  const contador = newUser();
  const form = owner.getByRole("form", { name: "Invitar" });
  await form.getByLabel("Email de la persona").fill(contador.email);
  await form.getByLabel("Rol").selectOption({ label: "Contador" });
  await form.getByRole("button", { name: "Invitar" }).click();
  const link = await owner.getByLabel("Enlace de la invitación").inputValue();

  const accountant = await freshPage(browser);
  await signUp(accountant, contador);
  await test.step("the business is listed with a note, and none of its data", async () => {
    await accountant.goto(link);
    await accountant.getByRole("button", { name: "Aceptar invitación" }).click();
    await accountant.waitForURL(`**/cuenta/dos-pasos?empresa=${businessId}`);
    await accountant.goto("/empresas");
    await expect(
      accountant.getByText("Pide verificación en dos pasos: activala para ver sus datos."),
    ).toBeVisible();
  });

  await test.step("entering the business asks to set it up first", async () => {
    await accountant.goto(`/empresas/${businessId}/consumo`);
    await accountant.waitForURL(`**/cuenta/dos-pasos?empresa=${businessId}`);
    await expect(
      accountant.getByText(`${razonSocial} pide verificación en dos pasos`),
    ).toBeVisible();
    await expectNoAxeViolations(accountant);
  });

  await test.step("once set up, the accountant enters", async () => {
    await enrol(accountant, contador);
    await accountant.getByRole("button", { name: "Ya los guardé" }).click();
    await accountant.waitForURL(`**/empresas/${businessId}/**`);
    await expect(accountant.getByRole("heading", { name: razonSocial, level: 1 })).toBeVisible();
  });
});

/** A free TCP port on this machine. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.describe("re-authentication", () => {
  // A server of this file's own whose sign-ins vouch for 5 seconds only (TABLERO_REAUTH_SECONDS),
  // so that "Confirmá que sos vos" can be seen without waiting 10 minutes; the shared server and
  // the other spec files keep the real window.
  let server: ChildProcess;
  let baseURL: string;
  let dataDir: string;

  test.beforeAll(async () => {
    const port = await freePort();
    baseURL = `http://localhost:${port}`;
    dataDir = await mkdtemp(path.join(os.tmpdir(), "tablero-e2e-reauth-"));
    server = spawn(
      process.execPath,
      ["node_modules/next/dist/bin/next", "start", "-p", `${port}`],
      {
        stdio: "ignore",
        env: {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: "1",
          DATABASE_URL: "",
          TABLERO_DATA_DIR: dataDir,
          AUTH_SECRET: randomBytes(32).toString("base64"),
          TABLERO_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
          TUSFACTURAS_API_URL: process.env.E2E_EMULATOR_URL,
          SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? 2611}`,
          TABLERO_URL: baseURL,
          TABLERO_SIGNUPS_PER_HOUR: "10000",
          TABLERO_REAUTH_SECONDS: "5",
        },
      },
    );
    await expect
      .poll(
        () =>
          fetch(`${baseURL}/ingresar`).then(
            (r) => r.status,
            () => 0,
          ),
        {
          timeout: 60_000,
        },
      )
      .toBe(200);
  });

  test.afterAll(async () => {
    server?.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  test("deleting a business asks «Confirmá que sos vos» (password, then the code) and then goes through", async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const page = await freshPage(browser, baseURL);
    const user = await signUp(page);
    await page.goto("/cuenta");
    // Turning two-factor on is confirmed too, once the sign-in no longer vouches (5 s here).
    await page.waitForTimeout(6000);
    const { secret, codes } = await enrol(page, user, { asksWhoYouAre: true });
    await page.getByRole("button", { name: "Ya los guardé" }).click();
    const businessId = await addBusiness(
      page,
      BOGUS,
      `Para borrar ${randomBytes(2).toString("hex")}`,
    );
    // The sign-in no longer vouches for the person (5 s on this server).
    await page.waitForTimeout(6000);

    await page.goto(`/empresas/${businessId}/credenciales`);
    await page.getByRole("button", { name: "Eliminar empresa" }).click();
    await page.getByRole("button", { name: "Sí, eliminar empresa" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirmá que sos vos" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Contraseña")).toBeFocused();
    await expectNoAxeViolations(page);

    await dialog.getByLabel("Contraseña").fill("no-es-mi-contraseña");
    await dialog.getByRole("button", { name: "Confirmar" }).click();
    await expect(dialog.getByText("La contraseña no es correcta.")).toBeVisible();
    // The business is still there while nobody has confirmed.
    await dialog.getByLabel("Contraseña").fill(user.password);
    await dialog.getByRole("button", { name: "Confirmar" }).click();
    await expect(dialog.getByLabel("Código de verificación")).toBeFocused();
    await expectNoAxeViolations(page);
    await dialog.getByLabel("Código de verificación").fill(await nextCode(secret));
    await dialog.getByRole("button", { name: "Confirmar" }).click();

    await page.waitForURL("**/empresas");
    await expect(page.getByText("Todavía no tenés empresas")).toBeVisible();

    await test.step("turning two-factor off asks again; a recovery code serves as the code", async () => {
      await page.waitForTimeout(6000);
      await page.goto("/cuenta");
      await page.getByRole("button", { name: "Desactivar" }).click();
      await page.getByRole("button", { name: "Sí, desactivar" }).click();
      await dialog.getByLabel("Contraseña").fill(user.password);
      await dialog.getByRole("button", { name: "Confirmar" }).click();
      await dialog.getByLabel("Código de verificación").fill(codes[1]!);
      await dialog.getByRole("button", { name: "Confirmar" }).click();
      await expect(page.getByText("Desactivaste la verificación en dos pasos.")).toBeVisible();
      await expect(
        page.getByRole("button", { name: "Activar la verificación en dos pasos" }),
      ).toBeVisible();
    });
  });

  test("«Cancelar» leaves everything as it was", async ({ browser }) => {
    const page = await freshPage(browser, baseURL);
    await signUp(page);
    const razonSocial = `Se queda ${randomBytes(2).toString("hex")}`;
    const businessId = await addBusiness(page, BOGUS, razonSocial);
    await page.waitForTimeout(6000);
    await page.goto(`/empresas/${businessId}/credenciales`);
    await page.getByRole("button", { name: "Eliminar empresa" }).click();
    await page.getByRole("button", { name: "Sí, eliminar empresa" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirmá que sos vos" });
    await dialog.getByRole("button", { name: "Cancelar" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(
      page.getByText("Por seguridad, confirmá que sos vos para continuar."),
    ).toBeVisible();
    await page.goto("/empresas");
    await expect(page.getByRole("link", { name: razonSocial })).toBeVisible();
  });
});
