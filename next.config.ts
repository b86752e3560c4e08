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
    ];
  },
};

export default nextConfig;
