import { XMLBuilder } from 'fast-xml-parser';
import { OPEN311_FORMATS } from './open311.model';
import type { Open311Format } from './open311.model';
import { Open311FormatError } from './open311.errors';

/** GeoReport v2, "Format Support": the content types each format is served with. */
export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};

/** The root element of each document, as the spec's XML examples name it. */
export type Open311Root =
  'services' | 'service_definition' | 'service_requests' | 'errors' | 'discovery';

const ROOT_ITEMS: Partial<Record<Open311Root, string>> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
};

// A list inside a document is one wrapper element holding an element per item.
const LIST_ITEMS: Record<string, string> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export function parseFormat(extension: string): Open311Format {
  const format = OPEN311_FORMATS.find((known) => known === extension);
  if (!format) throw new Open311FormatError(extension);
  return format;
}

/** The format a URL asks for by its extension, if it names one we serve. */
export function formatOfPath(url: string): Open311Format | null {
  const match = /\.([A-Za-z]+)$/.exec(url.split('?')[0]);
  return OPEN311_FORMATS.find((known) => known === match?.[1]) ?? null;
}

const builder = new XMLBuilder({
  format: true,
  ignoreAttributes: false,
  suppressEmptyNode: false,
  // Escapes &, <, >, quotes in every text node.
  processEntities: true,
});

/** The document in the format asked for; XML maps the JSON shape as the spec's examples do. */
export function renderOpen311(format: Open311Format, root: Open311Root, payload: unknown): string {
  if (format === 'json') return JSON.stringify(payload);
  const itemName = ROOT_ITEMS[root];
  const body =
    itemName && Array.isArray(payload)
      ? { [itemName]: payload.map((item) => toXmlNode(item)) }
      : toXmlNode(payload);
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [root]: body,
  });
}

function toXmlNode(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return xmlSafe(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((item) => toXmlNode(item));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => {
      const itemName = LIST_ITEMS[key];
      if (itemName && Array.isArray(item)) {
        return [key, { [itemName]: item.map((element) => toXmlNode(element)) }];
      }
      return [key, toXmlNode(item)];
    }),
  );
}

// Control characters cannot appear in XML 1.0 at all, escaped or not; a traveller's text may hold them.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '').replace(/\p{Cs}/gu, '');
}
