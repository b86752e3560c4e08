import type { Locator, Page } from "@playwright/test";
import {
  accounts,
  addBusiness,
  addClient,
  expect,
  expectNoAxeViolations,
  signUp,
  test,
  urlEnding,
} from "./fixtures";

const account = accounts.a1013;
const alfa = "Navegación Alfa S.A.";
const beta = "Navegación Beta S.R.L.";
const nandu = { nombre: "Ferretería Ñandú", cuit: "20401234560" };
const ajena = "Navegación Ajena S.A.";
const nanduAjeno = { nombre: "Ñandú Ajeno S.A.", cuit: "27285051466" };

test.describe.configure({ mode: "serial" });

let page: Page;
let alfaId: string;
let betaId: string;

test.beforeAll(async ({ browser }) => {
  // Another user with a business and a client whose names match the searches below.
  const other = await browser.newContext().then((context) => context.newPage());
  await signUp(other);
  const ajenaId = await addBusiness(other, account, ajena);
  await addClient(other, ajenaId, nanduAjeno);
  await other.context().close();

  page = await browser.newContext().then((context) => context.newPage());
  await signUp(page);
  alfaId = await addBusiness(page, account, alfa);
  betaId = await addBusiness(page, account, beta);
  await addClient(page, betaId, nandu);
});

test.afterAll(async () => {
  await page.context().close();
});

const switcher = () => page.getByRole("button", { name: /^Empresa:/ });
const menu = () => page.getByRole("menu", { name: "Cambiar de empresa" });
const palette = () => page.getByRole("dialog", { name: "Ir a…" });
const combobox = () => palette().getByRole("combobox", { name: "Empresa o cliente" });

/** Right after a page load the header may not be hydrated yet: try again until it opens. */
async function until(open: Locator, act: () => Promise<void>) {
  await expect(async () => {
    await act();
    await expect(open).toBeVisible({ timeout: 1_000 });
  }).toPass();
}
const openMenu = () => until(menu(), () => switcher().click());
const pressCtrlK = () => until(palette(), () => page.keyboard.press("Control+K"));

test("the business switcher keeps the section and lists only the user's businesses", async () => {
  await page.goto(`/empresas/${alfaId}/clientes`);
  await expect(switcher()).toHaveAccessibleName(`Empresa: ${alfa}`);

  // Keyboard: open with ArrowDown, move, Enter.
  await until(menu(), async () => {
    await switcher().focus();
    await page.keyboard.press("ArrowDown");
  });
  await expect(menu().getByRole("menuitem")).toHaveText([
    new RegExp(`^${alfa}`),
    new RegExp(`^${beta}`),
    "Todas las empresas",
  ]);
  await expect(menu().getByRole("menuitem", { name: new RegExp(alfa) })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu().getByRole("menuitem", { name: new RegExp(beta) })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(urlEnding(`/empresas/${betaId}/clientes`));
  await expect(page.getByRole("heading", { name: beta })).toBeVisible();
  await expect(switcher()).toHaveAccessibleName(`Empresa: ${beta}`);

  // Esc closes the menu and gives focus back to its button.
  await openMenu();
  await expect(menu()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu()).toHaveCount(0);
  await expect(switcher()).toBeFocused();

  // From a client's ledger, the other business's Clientes.
  await page.goto(`/empresas/${betaId}/clientes/${nandu.cuit}`);
  await openMenu();
  await menu()
    .getByRole("menuitem", { name: new RegExp(alfa) })
    .click();
  await expect(page).toHaveURL(urlEnding(`/empresas/${alfaId}/clientes`));

  await openMenu();
  await menu().getByRole("menuitem", { name: "Todas las empresas" }).click();
  await expect(page.getByRole("heading", { name: "Tus empresas" })).toBeVisible();
  await expect(switcher()).toHaveAccessibleName("Empresa: Elegí una empresa");
});

test("Ctrl+K finds a client without accents and Enter opens its ledger", async () => {
  await page.goto(`/empresas/${alfaId}/clientes`);
  const trigger = page.getByRole("button", { name: "Agregar cliente" });
  await trigger.focus();
  await pressCtrlK();
  await expect(palette()).toBeVisible();
  await expect(combobox()).toBeFocused();
  // Before typing: the user's businesses.
  await expect(palette().getByRole("option")).toHaveText([
    new RegExp(`^${alfa}`),
    new RegExp(`^${beta}`),
  ]);
  await expectNoAxeViolations(page);

  // Tab stays in the dialog.
  await page.keyboard.press("Tab");
  await expect(palette().getByRole("button", { name: "Cerrar" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(combobox()).toBeFocused();

  // Esc closes and focus goes back where it was.
  await page.keyboard.press("Escape");
  await expect(palette()).toHaveCount(0);
  await expect(trigger).toBeFocused();

  await pressCtrlK();
  await combobox().fill("ferreteria nandu");
  const option = palette().getByRole("option", { name: new RegExp(nandu.nombre) });
  await expect(option).toContainText(`Cliente de ${beta} · CUIT 20-40123456-0`);
  await expect(palette().getByRole("option")).toHaveCount(1);
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(combobox()).toHaveAttribute(
    "aria-activedescendant",
    (await option.getAttribute("id"))!,
  );
  await expectNoAxeViolations(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(urlEnding(`/empresas/${betaId}/clientes/${nandu.cuit}`));
  await expect(palette()).toHaveCount(0);
});

test("the palette never shows another user's business or client", async () => {
  await page.goto("/empresas");
  await pressCtrlK();
  await combobox().fill("Ñandú");
  await expect(palette().getByRole("option")).toHaveText([new RegExp(`^${nandu.nombre}`)]);

  await combobox().fill("navegacion");
  await expect(palette().getByRole("option")).toHaveText([
    new RegExp(`^${alfa}`),
    new RegExp(`^${beta}`),
  ]);
  // ArrowDown moves, and wraps around.
  await page.keyboard.press("ArrowDown");
  await expect(palette().getByRole("option", { name: new RegExp(beta) })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("ArrowDown");
  await expect(palette().getByRole("option", { name: new RegExp(alfa) })).toHaveAttribute(
    "aria-selected",
    "true",
  );

  for (const query of ["ajen", nanduAjeno.cuit, "27-28505146-6"]) {
    await combobox().fill(query);
    await expect(palette().getByText(`No encontramos nada con «${query}».`)).toBeVisible();
    await expect(palette().getByRole("option")).toHaveCount(0);
  }
  await page.keyboard.press("Escape");
  await openMenu();
  await expect(page.getByRole("menuitem")).toHaveCount(3);
  await expect(page.getByRole("menuitem", { name: new RegExp(ajena) })).toHaveCount(0);
});

test("the header's Buscar button opens the palette; a click opens a business", async () => {
  await page.goto("/empresas");
  await until(palette(), () => page.getByRole("button", { name: "Buscar… Ctrl K" }).click());
  await combobox().fill("beta");
  await palette()
    .getByRole("option", { name: new RegExp(beta) })
    .click();
  await expect(page).toHaveURL(urlEnding(`/empresas/${betaId}/consumo`));
  await expect(page.getByRole("heading", { name: beta })).toBeVisible();
});

test("a session that ended meanwhile: the palette says so instead of finding nothing", async () => {
  await page.goto("/empresas");
  await pressCtrlK();
  await combobox().fill("beta");
  await expect(palette().getByRole("option", { name: new RegExp(beta) })).toBeVisible();
  // As «Cerrar sesión» in another tab leaves this one: the page is still there, the session not.
  await page.context().clearCookies();
  await combobox().fill("alfa");
  await expect(palette().getByText("Tu sesión terminó. Ingresá de nuevo.")).toBeVisible();
});
