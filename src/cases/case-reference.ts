/** `SP-2026-000123`: the year the case arrived (in the area's zone) and a sequence number. */
export function formatCaseReference(
  sequence: number | string,
  receivedAt: Date,
  timeZone: string,
): string {
  const year = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric' }).format(receivedAt);
  return `SP-${year}-${String(sequence).padStart(6, '0')}`;
}

export const CASE_REFERENCE_PATTERN = /^SP-\d{4}-\d{6,}$/;
