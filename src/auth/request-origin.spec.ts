import { isCrossSiteRequest } from './request-origin';

const BASE = 'https://synpunkt.ul.example';

describe('isCrossSiteRequest', () => {
  it('trusts what the browser says in Sec-Fetch-Site', () => {
    expect(isCrossSiteRequest({ secFetchSite: 'same-origin' }, BASE)).toBe(false);
    expect(isCrossSiteRequest({ secFetchSite: 'none' }, BASE)).toBe(false);
    expect(isCrossSiteRequest({ secFetchSite: 'same-site' }, BASE)).toBe(true);
    expect(isCrossSiteRequest({ secFetchSite: 'cross-site' }, BASE)).toBe(true);
  });

  it('otherwise compares Origin with the public address and the Host', () => {
    expect(isCrossSiteRequest({ origin: BASE }, BASE)).toBe(false);
    expect(
      isCrossSiteRequest({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }, BASE),
    ).toBe(false);
    expect(
      isCrossSiteRequest({ origin: 'https://evil.example', host: 'synpunkt.ul.example' }, BASE),
    ).toBe(true);
    expect(isCrossSiteRequest({ origin: 'null' }, BASE)).toBe(true);
    expect(isCrossSiteRequest({ origin: 'not a url' }, BASE)).toBe(true);
  });

  it('lets clients that are not browsers through', () => {
    expect(isCrossSiteRequest({}, BASE)).toBe(false);
  });
});
