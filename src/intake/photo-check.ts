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
