"use client";

import { useEffect, useRef } from "react";

/**
 * For an inline question that replaces its trigger, or a dialog: when `asking` goes back to
 * false ("Cancelar", Esc), keyboard focus returns to the element the returned ref holds
 * (attached to the trigger, or set just before asking).
 */
export function useReturnFocus<T extends HTMLElement>(asking: boolean) {
  const trigger = useRef<T>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (wasAsking.current && !asking) trigger.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  return trigger;
}
