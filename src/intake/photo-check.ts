export type PhotoType = 'image/jpeg' | 'image/png';

const SIGNATURES: Array<[PhotoType, number[]]> = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
];

/**
 * What a file is by its first bytes. The name and the type the browser sends are the
 * sender's claims; only the content decides what we store and later show to handlers.
 */
export function detectPhotoType(bytes: Buffer): PhotoType | null {
  for (const [type, signature] of SIGNATURES) {
    if (bytes.length > signature.length && signature.every((byte, i) => bytes[i] === byte))
      return type;
  }
  return null;
}

/**
 * Decodes strict base64 (padding optional), or null if the text is not base64. A loop,
 * not one regular expression: V8's regex engine overflows its stack on multi-megabyte
 * photos, which is how a large upload once became a 500.
 */
export function decodeBase64(text: string): Buffer | null {
  const body = text.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) return null;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    const letterOrDigit =
      (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (!letterOrDigit && code !== 43 && code !== 47) return null;
  }
  return Buffer.from(body, 'base64');
}
