import type { NextConfig } from "next";
import { fileSecurityHeaders, staticSecurityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "pg-boss"],
  poweredByHeader: false,
  // Tablero optimizes no image: no image endpoint to abuse.
  images: { unoptimized: true },
  // Another build folder lets several builds of one checkout coexist (parallel test runs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // A self-contained server (`.next/standalone/server.js`) for deployments of several
  // instances; the migrations travel with it, since every instance applies them at start.
  output: "standalone",
  outputFileTracingIncludes: { "/*": ["./drizzle/**/*"] },
  // «Importar desde un archivo» sends files of up to 1 MB (lib/clientes/import/limits.ts) to
  // its actions; the default limit of 1 MB leaves no room for the request's own framing.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  // The test command type-checks everything (tests included) with tsc; the build checks the app.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      { source: "/((?!_next/static/).*)", headers: staticSecurityHeaders({ production }) },
      { source: "/_next/static/:path*", headers: fileSecurityHeaders({ production }) },
      // The icons, robots.txt and the manifest (public/, app/manifest.ts) change with a
      // release at most, and their names carry no hash: a day in any cache, then revalidated.
      {
        source:
          "/:file(favicon\\.svg|favicon\\.ico|apple-touch-icon\\.png|icon-192\\.png|icon-512\\.png|icon-maskable-512\\.png|robots\\.txt|manifest\\.webmanifest)",
        headers: [{ key: "Cache-Control", value: "public, max-age=86400, must-revalidate" }],
      },
    ];
  },
};

export default nextConfig;
