import fs from "node:fs";
import path from "node:path";
import { accounts, addBusiness, addClient, expect, signUp, test } from "./fixtures";

/**
 * Every page and route file of app/, as a URL a signed-in owner can request: dynamic segments
 * become the test's own business, client and a made-up token.
 */
function routeUrls(values: Record<string, string>): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "page.tsx" || entry.name === "route.ts") files.push(full);
    }
  };
  walk("app");
  return files
    .map((file) =>
      path
        .dirname(file)
        .replace(/^app/, "")
        .split(path.sep)
        .filter((segment) => segment && !/^\(.*\)$/.test(segment))
        .map((segment) =>
          segment === "[...nextauth]"
            ? "session"
            : segment.replace(/^\[(\w+)\]$/, (_, name: string) => values[name] ?? "x"),
        )
        .join("/"),
    )
    .map((route) => `/${route}`)
    .sort();
}

const NONCE = /script-src 'self' 'nonce-([A-Za-z0-9+/=]{20,})' 'strict-dynamic'/;

test("every page and route answers with the security headers and a nonce of its own", async ({
  page,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, accounts.a1003, "Empresa Encabezados");
  await addClient(page, businessId, { nombre: "Cliente Encabezados", cuit: "20123456786" });
  const urls = routeUrls({
    businessId,
    cuit: "20123456786",
    token: "A".repeat(43),
  });
  expect(urls).toContain(`/empresas/${businessId}/consumo`);
  expect(urls).toContain("/api/health");

  const nonces = new Set<string>();
  for (const url of urls) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    const where = `${url} (${response.status()})`;
    expect(headers["x-frame-options"], where).toBe("DENY");
    expect(headers["x-content-type-options"], where).toBe("nosniff");
    expect(headers["referrer-policy"], where).toBe("same-origin");
    expect(headers["cross-origin-opener-policy"], where).toBe("same-origin");
    expect(headers["permissions-policy"], where).toMatch(/camera=\(\), .*geolocation=\(\)/);
    const csp = headers["content-security-policy"] ?? "";
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ])
      expect(csp, where).toContain(directive);
    const nonce = NONCE.exec(csp)?.[1];
    expect(nonce, where).toBeTruthy();
    nonces.add(nonce!);
  }
  // A nonce is never reused: one per response.
  expect(nonces.size).toBe(urls.length);

  // The page's scripts carry the response's nonce; nothing else on the page runs. Chunks that
  // Next's runtime adds later (lazy parts of a page) run through 'strict-dynamic', as theirs.
  const response = await page.goto(`/empresas/${businessId}/consumo`);
  const nonce = NONCE.exec(response!.headers()["content-security-policy"] ?? "")![1]!;
  const scripts = Array.from(
    (await response!.text()).matchAll(/<script\b[^>]*>/g),
    ([tag]) => / nonce="([^"]*)"/.exec(tag)?.[1] ?? "",
  );
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
});

test("a script that gets into a page's HTML does not run, and the browser reports it", async ({
  browser,
}) => {
  // A context of its own: the violation this test causes on purpose is not a failure.
  const context = await browser.newContext();
  const page = await context.newPage();
  const reports: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") reports.push(message.text());
  });
  // As an XSS would: markup with a script, in the page Tablero served with its own headers.
  await page.route("**/ingresar", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "<body",
      "<script>window.__inyectado = true</script><body",
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/ingresar");
  await expect(page.getByRole("button", { name: "Ingresar" })).toBeVisible();
  expect(await page.evaluate(() => "__inyectado" in window)).toBe(false);
  await expect.poll(() => reports.join("\n")).toMatch(/Content Security Policy/);
  await context.close();
});

test("the icons, the manifest and robots.txt are served signed out, with the headers", async ({
  playwright,
}) => {
  // No session at all: what a browser, a home screen or a crawler asks for before signing in.
  const request = await playwright.request.newContext({ baseURL: process.env.E2E_BASE_URL });
  const files = {
    "/favicon.svg": "image/svg+xml",
    "/favicon.ico": "image/x-icon",
    "/apple-touch-icon.png": "image/png",
    "/icon-192.png": "image/png",
    "/icon-512.png": "image/png",
    "/icon-maskable-512.png": "image/png",
    "/robots.txt": "text/plain",
    "/manifest.webmanifest": "application/manifest+json",
  };
  for (const [url, type] of Object.entries(files)) {
    const response = await request.get(url, { maxRedirects: 0 });
    const headers = response.headers();
    expect(response.status(), url).toBe(200);
    expect(headers["content-type"], url).toContain(type);
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("same-origin");
    expect(headers["cache-control"], url).toBe("public, max-age=86400, must-revalidate");
  }

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^User-agent: \*\nDisallow: \/\n$/);
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as Record<
    string,
    unknown
  >;
  expect(manifest).toMatchObject({ name: "Tablero", lang: "es-AR", theme_color: "#1d5fd1" });
  const icon = await request.get("/apple-touch-icon.png");
  // 180×180: the width and height of the PNG's header.
  const png = await icon.body();
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([180, 180]);

  // The sign-in page, signed out, names them all and asks not to be indexed.
  const html = await (await request.get("/ingresar")).text();
  for (const tag of [
    /<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"/,
    /<link rel="icon" href="\/favicon.ico" sizes="32x32"/,
    /<link rel="apple-touch-icon" href="\/apple-touch-icon.png" sizes="180x180"/,
    /<link rel="manifest" href="\/manifest.webmanifest"/,
    /<meta name="robots" content="noindex, nofollow"/,
    /<meta name="theme-color" content="#1d5fd1"/,
  ])
    expect(html).toMatch(tag);
  await request.dispose();
});

test("a page whose address ends like a file's still gets the proxy's nonce and request id", async ({
  page,
}) => {
  await signUp(page);
  const businessId = await addBusiness(page, accounts.a1003, "Empresa Sufijos");
  for (const url of [
    `/empresas/${businessId}/clientes/20123456786.txt`,
    `/empresas/${businessId}/clientes/x.js`,
    `/empresas/${businessId}.css`,
    `/invitacion/${"A".repeat(43)}.png`,
  ]) {
    const response = await page.request.get(url, {
      maxRedirects: 0,
      // What the app would otherwise believe about the request's page (the security log).
      headers: { "x-tablero-path": "/soporte: escribí tu código a soporte@example.com" },
    });
    const headers = response.headers();
    expect(headers["x-request-id"], url).toBeTruthy();
    expect(headers["content-security-policy"] ?? "", url).toMatch(NONCE);
  }
});
