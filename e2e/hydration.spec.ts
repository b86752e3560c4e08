import type { Page, Route } from "@playwright/test";
import { accounts, addBusiness, expect, newUser, signUp, test } from "./fixtures";

// The parts of a page whose code loads after the page's first scripts (`lazyHydrated`), seen on
// a connection slow enough for a person to act before that code arrives.

/**
 * Opens `path` holding back every script the page's HTML does not name (the lazily loaded
 * parts' code) until `release()`; resolves once the page has asked for one of them, that is,
 * once the rest of the page has hydrated.
 */
async function openWithLateCode(page: Page, path: string) {
  const html = await (await page.request.get(path)).text();
  const held: Route[] = [];
  let released = false;
  let asked: () => void;
  const firstAsked = new Promise<void>((resolve) => (asked = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    const { pathname } = new URL(route.request().url());
    if (released || html.includes(pathname)) return route.continue();
    held.push(route);
    asked();
  });
  await page.goto(path);
  await firstAsked;
  // The hydrated part's effects (the header told which business this is) have run.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))),
  );
  return {
    async release() {
      released = true;
      await Promise.all(held.map((route) => route.continue()));
      await page.unroute("**/_next/static/**/*.js");
    },
  };
}

test("a part whose code is late keeps the server's drawing and takes the click once it can", async ({
  page,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, accounts.a1013, "Hidratación lenta");

  // Consumo: the panel drawn by the server is the one left on screen (no flash, no shift).
  const late = await openWithLateCode(page, `/empresas/${businessId}/consumo`);
  const gauge = page.getByRole("img", { name: /comprobantes usados/ });
  await expect(gauge).toBeVisible();
  await gauge.evaluate((node) => node.setAttribute("data-drawn-by", "server"));
  await late.release();
  // Hydrated: nothing on the page refuses input any more.
  await expect(page.locator("[inert]")).toHaveCount(0);
  await expect(page.locator('[data-drawn-by="server"]')).toHaveCount(1);

  // Members: typing and «Invitar» before the form's code arrives wait for it, and the
  // invitation is made by the page, not by the browser posting the form on its own.
  const invitee = newUser();
  const slow = await openWithLateCode(page, `/empresas/${businessId}/miembros`);
  const form = page.getByRole("form", { name: "Invitar" });
  await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
  const typed = (async () => {
    await form.getByLabel("Email de la persona").fill(invitee.email);
    await form.getByLabel("Rol").selectOption({ label: "Lectura" });
    await form.getByRole("button", { name: "Invitar" }).click();
  })();
  // The code arrives two seconds late: long enough to type, choose and click.
  await page.waitForTimeout(2_000);
  await slow.release();
  await typed;
  await expect(page.getByLabel("Enlace de la invitación")).toHaveValue(/\/invitacion\/[\w-]+$/);
  await expect(page).toHaveTitle(/Miembros/);
  expect(await page.evaluate(() => "loadedOnce" in window), "la página no se volvió a cargar").toBe(
    true,
  );
  await expect(page).toHaveURL(new RegExp(`/empresas/${businessId}/miembros$`));
});
