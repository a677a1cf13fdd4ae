import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "./globals.css";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "../components/theme-toggle";

export const metadata: Metadata = {
  title: "Retrain Studio",
  description: "Turn a pretrained image network into your team's own classifier.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next.js can put this request's CSP nonce (proxy.ts) on its scripts.
  await headers();
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            Retrain Studio
          </Link>
          <Link href="/workspaces">Workspaces</Link>
          <ThemeToggle />
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
