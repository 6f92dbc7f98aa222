import type { PauseRange } from '../calendar/pause-ranges';

/**
 * Moves a deadline past the pauses that begin before it. Each such pause stops the clock
 * for its whole length, so `extend` pushes the deadline by the time the pause takes away;
 * the deadline never falls inside the pause, and a later pause that the moved deadline now
 * reaches counts in turn. Null when a still-open pause begins before the deadline.
 */
export function extendPastPauses(
  due: number,
  ranges: readonly PauseRange[],
  extend: (due: number, range: PauseRange) => number,
): number | null {
  let current = due;
  for (const range of ranges) {
    // Sorted by start: once one begins at or after the deadline, so do the rest.
    if (range.start >= current) break;
    if (range.end === Infinity) return null;
    current = Math.max(extend(current, range), range.end);
  }
  return current;
}
