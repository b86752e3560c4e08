import type { MetadataRoute } from "next";
import { THEME_COLOR } from "@/lib/brand";

/** Served as /manifest.webmanifest, signed out too (an installed Tablero opens at sign-in). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Tablero",
    short_name: "Tablero",
    description: "El tablero de tus cuentas de TusFacturas: consumo, cuentas corrientes e IVA.",
    lang: "es-AR",
    dir: "ltr",
    start_url: "/empresas",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: THEME_COLOR,
    icons: [
      { src: "/favicon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
      { src: "/icon-maskable-512.png", type: "image/png", sizes: "512x512", purpose: "maskable" },
    ],
  };
}
