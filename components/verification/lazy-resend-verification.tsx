"use client";

import { lazy, Suspense } from "react";

// Only an unconfirmed address shows «Reenviar email», yet the banner sits in the layout of
// every signed-in page: its code loads with the banner, not with every page.
const ResendVerification = lazy(() =>
  import("./resend-verification").then((m) => ({ default: m.ResendVerification })),
);

/** `ResendVerification`, loaded when shown (the server renders it whole meanwhile). */
export function LazyResendVerification({ email }: { email: string }) {
  return (
    <Suspense>
      <ResendVerification email={email} />
    </Suspense>
  );
}
