"use client";

import { lazyHydrated } from "@/components/ui/lazy-hydrated";

// Only an unconfirmed address shows «Reenviar email», yet the banner sits in the layout of
// every signed-in page: its code loads with the banner, not with every page.
export const LazyResendVerification = lazyHydrated(() =>
  import("./resend-verification").then((m) => m.ResendVerification),
);
