// Control characters other than tab and line breaks carry no meaning in a report, and
// PostgreSQL refuses NUL in text outright: they are removed before anything is stored.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function cleanText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** The same for an optional value. */
export function cleanOptional(text: string | undefined): string | undefined {
  return text === undefined ? undefined : cleanText(text);
}
