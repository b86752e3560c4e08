/**
 * Lighthouse's CPU slowdown for this host. Its mobile preset slows the CPU 4×, which Lighthouse
 * calibrates for a high-end desktop (a `benchmarkIndex` of 1 500–2 000); on a slower host the
 * same 4× emulates a phone slower than the mid-tier one the preset stands for, and Lighthouse
 * itself warns below 1 000. Lighthouse's throttling guide (docs/throttling.md, "Calibrating the
 * CPU slowdown") maps the host's `benchmarkIndex` to the multiplier that emulates that phone:
 * 2× at 800, 3× at 1 300, one more every 233 above, down to 1× at 150. This is that mapping.
 */
export function midTierMobileMultiplier(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0)
    throw new Error(`benchmarkIndex inválido: ${benchmarkIndex}`);
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return Math.max(1, 1 + (benchmarkIndex - 150) / 650);
}
