export interface OriginHeaders {
  secFetchSite?: string;
  origin?: string;
  host?: string;
}

/**
 * Whether a browser says a request comes from another site. Cookie-authenticated writes
 * to the JSON API are refused then: SameSite=Lax already keeps the cookie off most of
 * them, and this also covers sibling subdomains and old browsers. A client that sends
 * neither header (curl, an integration) is not a browser on another site.
 */
export function isCrossSiteRequest(headers: OriginHeaders, publicBaseUrl: string): boolean {
  const site = headers.secFetchSite?.toLowerCase();
  if (site) return site !== 'same-origin' && site !== 'none';
  if (!headers.origin) return false;
  if (headers.origin === 'null') return true;
  try {
    const origin = new URL(headers.origin);
    return origin.origin !== new URL(publicBaseUrl).origin && origin.host !== headers.host;
  } catch {
    return true;
  }
}
