import { decodeBase64, detectPhotoType } from './photo-check';

describe(detectPhotoType.name, () => {
  it('knows JPEG and PNG by their first bytes', () => {
    expect(detectPhotoType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(
      detectPhotoType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    ).toBe('image/png');
  });

  it('refuses anything else, whatever it is called', () => {
    expect(detectPhotoType(Buffer.from('not a photo, just text'))).toBeNull();
    expect(detectPhotoType(Buffer.from('GIF89a\x01\x00'))).toBeNull();
    expect(detectPhotoType(Buffer.from([0xff, 0xd8, 0xff]))).toBeNull();
    expect(detectPhotoType(Buffer.alloc(0))).toBeNull();
  });
});

describe(decodeBase64.name, () => {
  it('decodes base64 with or without padding and refuses anything else', () => {
    expect(decodeBase64(Buffer.from('hej på dig').toString('base64'))?.toString()).toBe(
      'hej på dig',
    );
    expect(decodeBase64('aGVq')?.toString()).toBe('hej');
    expect(decodeBase64('aGVqIQ')?.toString()).toBe('hej!');
    expect(decodeBase64('not base64!')).toBeNull();
    expect(decodeBase64('abcde')).toBeNull();
  });

  it('handles a photo-sized input without overflowing the stack', () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 7);
    expect(decodeBase64(big.toString('base64'))?.equals(big)).toBe(true);
  });
});
