"use client";

import { useEffect, useRef } from "react";

/**
 * For an inline question that replaces its trigger: when `asking` goes back to false
 * ("Cancelar"), keyboard focus returns to the trigger the returned ref is attached to.
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
