import type { Pause } from './calendar.model';

/** A pause as instants; `end` is `Infinity` while the case is still waiting. */
export interface PauseRange {
  start: number;
  end: number;
}

/** `date.getTime()`, refusing an invalid Date by name. */
export function instantOf(date: Date, name: string): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is an invalid Date`);
  return t;
}

/**
 * Pauses clipped to [from, until), sorted and merged into disjoint ranges, so that
 * overlapping pauses count once. Touching ranges merge too: no instant between them runs.
 * An inverted pause (`to` before `from`) is empty.
 */
export function pauseRanges(
  pauses: readonly Pause[],
  from: number,
  until = Infinity,
): PauseRange[] {
  const ranges = pauses
    .map((p, i) => ({
      start: Math.max(from, instantOf(p.from, `pauses[${i}].from`)),
      end: Math.min(until, p.to ? instantOf(p.to, `pauses[${i}].to`) : Infinity),
    }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: PauseRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
