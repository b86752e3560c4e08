"use client";

import { lazyHydrated } from "@/components/ui/lazy-hydrated";

// «Tu cuenta»'s sections are settings, read before they are used: the server renders them, and
// each hydrates once its chunk has arrived (the page's first scripts are the header's).
export const LazyAccountSections = lazyHydrated(() =>
  import("./account-sections").then((m) => m.AccountSections),
);
export const LazyTwoFactorSection = lazyHydrated(() =>
  import("./two-factor-section").then((m) => m.TwoFactorSection),
);
