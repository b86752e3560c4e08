import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { createEmulatorControl, type EmulatorControl } from "../lib/tusfacturas/emulator/control";
import { linkIn, waitForEmail } from "./mailbox";

/**
 * The emulator's seeded test accounts (lib/tusfacturas/fixtures/accounts.json). Calls are
 * counted per apikey across spec files running in parallel: a file that asserts call counts
 * must be the only one using that apikey (1001: cuenta-corriente, 1002: clientes, 1007–1010:
 * IVA, 1011–1012: members, 1013: navigation, 1014: consumo history, 1015 (1001's copy):
 * clientes-importar-tusfacturas, 1016: vencimientos).
 */
export const accounts = {
  a1001: {
    apikey: "1001",
    apitoken: "demo1001token",
    usertoken: "demo1001user",
    cuit: "30712293841",
  },
  a1002: {
    apikey: "1002",
    apitoken: "demo1002token",
    usertoken: "demo1002user",
    cuit: "27285051466",
  },
  a1003: {
    apikey: "1003",
    apitoken: "test1003token",
    usertoken: "test1003user",
    cuit: "20055361682",
  },
  a1004: {
    apikey: "1004",
    apitoken: "test1004token",
    usertoken: "test1004user",
    cuit: "20334455662",
  },
  a1005: {
    apikey: "1005",
    apitoken: "test1005token",
    usertoken: "test1005user",
    cuit: "30712340025",
  },
  a1006: {
    apikey: "1006",
    apitoken: "test1006token",
    usertoken: "test1006user",
    cuit: "24123456781",
  },
  a1007: {
    apikey: "1007",
    apitoken: "test1007token",
    usertoken: "test1007user",
    cuit: "30712345671",
  },
  a1008: {
    apikey: "1008",
    apitoken: "test1008token",
    usertoken: "test1008user",
    cuit: "30712345698",
  },
  a1009: {
    apikey: "1009",
    apitoken: "test1009token",
    usertoken: "test1009user",
    cuit: "27203040593",
  },
  a1010: {
    apikey: "1010",
    apitoken: "test1010token",
    usertoken: "test1010user",
    cuit: "20556677884",
  },
  a1011: {
    apikey: "1011",
    apitoken: "test1011token",
    usertoken: "test1011user",
    cuit: "30715556665",
  },
  a1012: {
    apikey: "1012",
    apitoken: "test1012token",
    usertoken: "test1012user",
    cuit: "30717778886",
  },
  a1013: {
    apikey: "1013",
    apitoken: "test1013token",
    usertoken: "test1013user",
    cuit: "27382910457",
  },
  a1014: {
    apikey: "1014",
    apitoken: "test1014token",
    usertoken: "test1014user",
    cuit: "30718889991",
  },
  /** 1001's ledgers and comprobantes, for the import from TusFacturas alone. */
  a1015: {
    apikey: "1015",
    apitoken: "test1015token",
    usertoken: "test1015user",
    cuit: "30715551116",
  },
  /** Punto de venta 3, a client with unpaid facturas: the vencimientos spec's own. */
  a1016: {
    apikey: "1016",
    apitoken: "test1016token",
    usertoken: "test1016user",
    cuit: "30714141410",
  },
} as const;

export type Account = (typeof accounts)[keyof typeof accounts];
export type TestUser = { name: string; email: string; password: string };

export function newUser(): TestUser {
  const id = randomUUID().slice(0, 8);
  return {
    name: `Usuaria ${id}`,
    email: `usuaria-${id}@example.com`,
    password: `clave-segura-${id}`,
  };
}

/**
 * Fills "Crear cuenta" (from `path`, e.g. an invitation's sign-up link) and waits for the
 * answer every sign-up gets: "Revisá tu email". Nobody is signed in yet.
 */
export async function submitSignUp(page: Page, user: TestUser, path = "/registrarme") {
  await page.goto(path);
  await page.getByLabel("Nombre").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("button", { name: "Crear cuenta" }).click();
  await expect(page.getByRole("heading", { name: "Revisá tu email" })).toBeVisible();
}

/** Opens the link of the latest verification email to `user` (`count`: which one, from 1). */
export async function openVerificationLink(page: Page, user: TestUser, count = 1) {
  const email = await waitForEmail(user.email, /^Confirmá tu email/, { count });
  await page.goto(linkIn(email, "/verificar/"));
  await expect(page.getByText("Tu email está confirmado")).toBeVisible();
}

/**
 * Signs up through the UI, confirms the address with the link the email brings and signs in;
 * ends on the businesses page, signed in with a verified address.
 */
export async function signUp(page: Page, user: TestUser = newUser()): Promise<TestUser> {
  await submitSignUp(page, user);
  await openVerificationLink(page, user);
  await signIn(page, user);
  return user;
}

export async function signIn(page: Page, user: TestUser): Promise<void> {
  await page.goto("/ingresar");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
  await expect(page.getByRole("heading", { name: "Tus empresas" })).toBeVisible();
}

/** Fills "Agregar empresa" and saves; returns the new business's id from the URL. */
export async function addBusiness(
  page: Page,
  account: { apikey: string; apitoken: string; usertoken: string; cuit: string },
  razonSocial = `Empresa ${account.apikey} ${randomUUID().slice(0, 4)}`,
): Promise<string> {
  await page.goto("/empresas/nueva");
  await page.getByLabel("Razón social").fill(razonSocial);
  await page.getByLabel("CUIT").fill(account.cuit);
  await page.getByLabel("API key").fill(account.apikey);
  await page.getByLabel("API token").fill(account.apitoken);
  await page.getByLabel("User token").fill(account.usertoken);
  await page.getByRole("button", { name: "Guardar" }).click();
  await page.waitForURL(/\/empresas\/[0-9a-f-]{36}\/(consumo|credenciales)/);
  return /\/empresas\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
}

/** Fills "Invitar" on the members page and returns the link it shows once. */
export async function invite(page: Page, businessId: string, email: string, role: string) {
  await page.goto(`/empresas/${businessId}/miembros`);
  const form = page.getByRole("form", { name: "Invitar" });
  await form.getByLabel("Email de la persona").fill(email);
  await form.getByLabel("Rol").selectOption({ label: role });
  await form.getByRole("button", { name: "Invitar" }).click();
  const link = page.getByLabel("Enlace de la invitación");
  await expect(link).toHaveValue(/\/invitacion\/[\w-]+$/);
  return link.inputValue();
}

/**
 * A new person invited by `page` with `role`, signed up in a browser of their own and having
 * accepted: their page, on the business's consumo.
 */
export async function newMember(
  page: Page,
  browser: Browser,
  businessId: string,
  role: string,
): Promise<Page> {
  const member = newUser();
  const link = await invite(page, businessId, member.email, role);
  const memberPage = await (await browser.newContext()).newPage();
  await signUp(memberPage, member);
  await memberPage.goto(link);
  await memberPage.getByRole("button", { name: "Aceptar invitación" }).click();
  await memberPage.waitForURL(`**/empresas/${businessId}/consumo`);
  return memberPage;
}

/**
 * Opens an invitation link signed out, creates the invited account from it, confirms the
 * address with the emailed link and signs in from there, which accepts the invitation.
 */
export async function acceptBySigningUp(page: Page, link: string, user: TestUser) {
  await page.goto(link);
  await page.getByRole("link", { name: "Crear cuenta y aceptar" }).click();
  await page.waitForURL(/\/registrarme\?invitacion=/);
  const signUpPage = new URL(page.url());
  await submitSignUp(page, user, signUpPage.pathname + signUpPage.search);
  await openVerificationLink(page, user);
  await page.getByRole("link", { name: "Ingresar y aceptar la invitación" }).click();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Contraseña").fill(user.password);
  await page.getByRole("button", { name: "Ingresar" }).click();
}

/**
 * Adds a client through "Agregar cliente" on the business's Clientes page and waits until it
 * is listed.
 */
export async function addClient(
  page: Page,
  businessId: string,
  client: { nombre: string; cuit: string },
): Promise<void> {
  await page.goto(`/empresas/${businessId}/clientes`);
  await page.getByRole("button", { name: "Agregar cliente" }).click();
  const form = page.getByRole("form", { name: "Agregar cliente" });
  await form.getByLabel("Nombre o razón social").fill(client.nombre);
  await form.getByLabel("CUIT").fill(client.cuit);
  await form.getByRole("button", { name: "Agregar" }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole("link", { name: client.nombre, exact: true })).toBeVisible();
}

/** Calls of one apikey to `clientes/cuenta-corriente` received by the emulator so far. */
export async function cuentaCorrienteCalls(emulator: EmulatorControl, apikey: string) {
  return (await emulator.calls(apikey)).byMethod["clientes/cuenta-corriente"] ?? 0;
}

/**
 * Calls of one apikey the emulator received, the free due-date lookups aside: Tablero makes
 * those in the background after a ledger is stored (lib/vencimientos), at a moment no spec
 * controls.
 */
export async function callsBesidesLookups(emulator: EmulatorControl, apikey: string) {
  const { total, byMethod } = await emulator.calls(apikey);
  return (
    total -
    (byMethod["facturacion/consulta"] ?? 0) -
    (byMethod["facturacion/consulta_avanzada"] ?? 0)
  );
}

/** `$ 1.234,56` as es-AR formats pesos (a no-break space after the sign). */
export function pesos(amount: string): string {
  return amount.startsWith("-") ? `-$\u00a0${amount.slice(1)}` : `$\u00a0${amount}`;
}

/** Matches a URL that ends with this path and query (written as the browser shows it). */
export function urlEnding(pathAndQuery: string): RegExp {
  return new RegExp(`${pathAndQuery.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
}

/**
 * From now on, every server action call this page makes has `fromId` replaced by `toId` in its
 * body: what an attacker does with the real calls of their own business. `page.unroute` with
 * the same pattern undoes it.
 */
export async function rewriteActionCalls(page: Page, fromId: string, toId: string) {
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      await route.continue({ postData: (request.postData() ?? "").replaceAll(fromId, toId) });
    } else {
      await route.continue();
    }
  });
}

/** The page's alerts, without Next's route announcer (which also has role="alert"). */
export function alerts(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/** Fails with the list of violations when axe finds any on the page as it is. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation Next sets the new page's title just after its content:
  // checked before that, the page would be reported as having no title.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

/** What Chromium says when the Content-Security-Policy blocks something. */
const CSP_VIOLATION = /Content Security Policy|Refused to (load|execute|apply|connect|frame)/i;

export const test = base.extend<{ emulator: EmulatorControl }>({
  emulator: async ({}, provide) => {
    await provide(createEmulatorControl(process.env.E2E_EMULATOR_URL!));
  },
  // Every spec fails on anything the Content-Security-Policy blocked in its pages: a blocked
  // script or style is a page that does not work for its users.
  context: async ({ context }, provide) => {
    const violations: string[] = [];
    context.on("console", (message) => {
      if (message.type() === "error" && CSP_VIOLATION.test(message.text()))
        violations.push(`${message.location().url}: ${message.text()}`);
    });
    await provide(context);
    expect(violations, "violaciones de la Content-Security-Policy").toEqual([]);
  },
});

export { expect };
