import { LANGUAGES } from '../../cases/case.model';
import type { Language } from '../../cases/case.model';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The page's language: `?lang=` when it names one we have, else the browser's
 * Accept-Language in its own order of preference, else Swedish.
 */
export function pickLanguage(requested: unknown, acceptLanguage: string | undefined): Language {
  if (isLanguage(requested)) return requested;
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((entry, position) => {
      const [range, ...params] = entry.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: range.split('-')[0], quality: q ? Number(q.slice(2)) : 1, position };
    })
    .filter((entry) => isLanguage(entry.primary) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position);
  const [best] = preferences;
  return best && isLanguage(best.primary) ? best.primary : 'sv';
}
