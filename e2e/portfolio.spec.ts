import type { Page } from "@playwright/test";
import {
  accounts,
  addBusiness,
  expect,
  expectNoAxeViolations,
  signUp,
  test,
  urlEnding,
} from "./fixtures";

// The same emulator account as navigation.spec.ts: only its consumo is read, never counted.
const account = accounts.a1013;
const first = "Álamo Norte S.A.";
const last = "Zorzal Norte S.R.L.";
/** 26 businesses: one more page than 24 cards, the two "Norte" at both ends of the order. */
const middle = Array.from({ length: 24 }, (_, i) => `Cartera ${String(i + 1).padStart(2, "0")}`);

test.describe.configure({ mode: "serial" });

let page: Page;
let lastId: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  page = await browser.newContext().then((context) => context.newPage());
  await signUp(page);
  await addBusiness(page, account, first);
  for (const name of middle) await addBusiness(page, account, name);
  lastId = await addBusiness(page, account, last);
});

test.afterAll(async () => {
  await page.context().close();
});

const cards = () => page.getByRole("list", { name: "Empresas" }).getByRole("article");
const pages = () => page.getByRole("navigation", { name: "Páginas de empresas" });

test("26 businesses: 24 cards a page, the totals of all of them, Siguiente and Anterior", async () => {
  await page.goto("/empresas");
  await expect(page.getByText("26 empresas · A cobrar en total")).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Empresas 1 a 24 de 26.");
  await expect(cards()).toHaveCount(24);
  await expect(cards().first()).toContainText(first);
  await expect(pages()).toContainText("Página 1 de 2");
  await expectNoAxeViolations(page);

  await pages().getByRole("link", { name: "Siguiente" }).click();
  await expect(page).toHaveURL(urlEnding("/empresas?pagina=2"));
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Empresas 25 a 26 de 26.");
  await expect(cards()).toHaveText([new RegExp(middle[23]!), new RegExp(last)]);
  await pages().getByRole("link", { name: "Anterior" }).click();
  await expect(cards()).toHaveCount(24);
  await expect(cards().first()).toContainText(first);
});

test("the search finds businesses on every page, and the order stays in the URL", async () => {
  await page.goto("/empresas?pagina=2");
  await page.getByLabel("Buscar empresa").fill("norte");
  await expect(page).toHaveURL(urlEnding("/empresas?q=norte"));
  await expect(cards()).toHaveText([new RegExp(first), new RegExp(last)]);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "2 empresas que coinciden con «norte».",
  );
  await expect(pages()).toHaveCount(0);

  await page.getByLabel("Ordenar por").selectOption({ label: "A cobrar (mayor primero)" });
  await expect(page).toHaveURL(urlEnding("/empresas?q=norte&orden=cobrar"));
  // Nobody owes anything yet: ties go by name.
  await expect(cards()).toHaveText([new RegExp(first), new RegExp(last)]);
  await expect(page.getByLabel("Buscar empresa")).toHaveValue("norte");

  await page.getByLabel("Buscar empresa").fill("no existe");
  await expect(page.getByText("Ninguna empresa coincide con «no existe».")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("without JavaScript the search is a form: Buscar sends it", async ({ browser }) => {
  const context = await browser.newContext({
    storageState: await page.context().storageState(),
    javaScriptEnabled: false,
  });
  const plain = await context.newPage();
  await plain.goto("/empresas");
  await plain.getByLabel("Buscar empresa").fill("zorzal");
  await plain.getByRole("button", { name: "Buscar", exact: true }).click();
  await expect(plain).toHaveURL(/\/empresas\?q=zorzal&orden=nombre$/);
  await expect(plain.getByRole("list", { name: "Empresas" }).getByRole("article")).toHaveText([
    new RegExp(last),
  ]);
  await context.close();
});

test("the header lists the first businesses, and names one further down when it is open", async () => {
  await page.goto(`/empresas/${lastId}/consumo`);
  await expect(page.getByRole("heading", { name: last })).toBeVisible();
  const switcher = page.getByRole("button", { name: `Empresa: ${last}` });
  await expect(switcher).toBeVisible();
  await switcher.click();
  const menu = page.getByRole("menu", { name: "Cambiar de empresa" });
  // The open business, the first 10 by name, and every business through the portfolio.
  await expect(menu.getByRole("menuitem")).toHaveCount(12);
  await expect(menu.getByRole("menuitem").first()).toContainText(last);
  await expect(menu.getByRole("menuitem").last()).toContainText(
    "Todas las empresas26 en total: buscalas ahí o con Ctrl+K",
  );
  await page.keyboard.press("Escape");

  await page.keyboard.press("Control+K");
  const palette = page.getByRole("dialog", { name: "Ir a…" });
  await expect(palette).toContainText("Buscá una empresa o un cliente de tus 26 empresas.");
  await expect(palette.getByRole("option")).toHaveCount(10);
  await palette.getByRole("combobox", { name: "Empresa o cliente" }).fill("cartera 2");
  await expect(palette.getByRole("option")).toHaveCount(5);
});
