/**
 * References are `SP-<year>-<number>`: the year the case arrived in the area's zone, and a
 * number from one sequence (padded to six digits, growing past them), so they are unique
 * without a hot counter row and tolerate gaps.
 */
export const CASE_REFERENCE_PATTERN = /^SP-\d{4}-\d{6,}$/;

/** The year part for an arrival instant; building the formatter once keeps intake cheap. */
export function referenceYearIn(timeZone: string): (receivedAt: Date) => string {
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric' });
  return (receivedAt) => format.format(receivedAt);
}
