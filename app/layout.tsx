import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { THEME_COLOR } from "@/lib/brand";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tablero", template: "%s · Tablero" },
  description: "El tablero de tus cuentas de TusFacturas: consumo, cuentas corrientes e IVA.",
  // A private dashboard: never indexed (public/robots.txt keeps crawlers out too).
  robots: { index: false, follow: false },
  icons: {
    icon: [
      { url: "/favicon.svg", type: "image/svg+xml" },
      { url: "/favicon.ico", sizes: "32x32" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { themeColor: THEME_COLOR };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="es-AR">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
