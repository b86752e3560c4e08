/**
 * The JavaScript a cold visit of each page downloads before it works: printed by
 * `npm run bench` (scripts/bench-browser.ts) and held to the budget by e2e/first-load.spec.ts.
 */
import type { Browser, BrowserContextOptions, Request } from "@playwright/test";

/** No page's first load goes over this (compressed bytes on the wire, headers included). */
export const FIRST_LOAD_BUDGET = 150 * 1024;

export type Scripts = { scripts: number; bytes: number };

/**
 * `initial`: the scripts the page's HTML names (its own tags and the client modules its server
 * render used), what must arrive before it works. `later`: what it loads by itself afterwards
 * until the network is idle (next/dynamic and import() chunks, e.g. the ledger's charts).
 */
export type FirstLoad = { route: string; path: string; initial: Scripts; later: Scripts };

export type FirstLoadRoute = { route: string; path: string; signedOut?: boolean };

/**
 * Every page a person opens, for a signed-in member of `businessId` with a client `cuit` whose
 * ledger has movements; the first five are the ones people open most.
 */
export function everyPage(businessId: string, cuit: string): FirstLoadRoute[] {
  const b = `/empresas/${businessId}`;
  return [
    { route: "portfolio", path: "/empresas" },
    { route: "consumo", path: `${b}/consumo` },
    { route: "clientes", path: `${b}/clientes` },
    { route: "cuenta corriente", path: `${b}/clientes/${cuit}` },
    { route: "IVA", path: `${b}/iva` },
    { route: "resumen de cuenta", path: `${b}/clientes/${cuit}/resumen` },
    { route: "credenciales", path: `${b}/credenciales` },
    { route: "miembros", path: `${b}/miembros` },
    { route: "actividad", path: `${b}/actividad` },
    { route: "IVA de varias empresas", path: "/iva" },
    { route: "agregar empresa", path: "/empresas/nueva" },
    { route: "tu cuenta", path: "/cuenta" },
    { route: "dos pasos", path: "/cuenta/dos-pasos" },
    { route: "ingresar (sin sesión)", path: "/ingresar", signedOut: true },
    { route: "registrarme (sin sesión)", path: "/registrarme", signedOut: true },
  ];
}

/**
 * The JavaScript a cold visit downloads (compressed bytes on the wire, headers included, as
 * `next start` serves it) for each page, signed in unless the route says `signedOut`: a fresh
 * context per page, so nothing comes from the cache.
 */
export async function measureFirstLoad(
  browser: Browser,
  storageState: BrowserContextOptions["storageState"],
  routes: FirstLoadRoute[],
  base: string,
): Promise<FirstLoad[]> {
  const results: FirstLoad[] = [];
  for (const { route, path: routePath, signedOut } of routes) {
    const context = await browser.newContext(signedOut ? {} : { storageState });
    const page = await context.newPage();
    const sizes: Promise<{ url: string; bytes: number } | null>[] = [];
    // A script may finish after the network went idle (a prefetch): its sizes are asked for then,
    // and the context may close first. That one is not counted, and its refusal is not left
    // unhandled (which would end the test).
    const measure = (request: Request) => {
      if (request.resourceType() === "script")
        sizes.push(
          request.sizes().then(
            (s) => ({
              url: new URL(request.url()).pathname,
              bytes: s.responseBodySize + s.responseHeadersSize,
            }),
            () => null,
          ),
        );
    };
    page.on("requestfinished", measure);
    const response = await page.goto(`${base}${routePath}`, { waitUntil: "networkidle" });
    // A page of several MB (the 20 000 movements' resumen) is evicted from the inspector's
    // cache: the same page asked again with the context's cookies names the same scripts.
    const html = await (response?.text() ?? Promise.resolve("")).catch(() =>
      context.request.get(`${base}${routePath}`).then((again) => again.text()),
    );
    const initial: Scripts = { scripts: 0, bytes: 0 };
    const later: Scripts = { scripts: 0, bytes: 0 };
    page.off("requestfinished", measure);
    for (const measured of await Promise.all(sizes)) {
      if (!measured) continue;
      const { url, bytes } = measured;
      const part = html.includes(url) ? initial : later;
      part.scripts += 1;
      part.bytes += bytes;
    }
    results.push({ route, path: routePath, initial, later });
    await context.close();
  }
  return results;
}
