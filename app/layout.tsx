import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tablero", template: "%s · Tablero" },
  description: "El tablero de tus cuentas de TusFacturas: consumo, cuentas corrientes e IVA.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="es-AR">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
