import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Language } from '../cases/case.model';

/**
 * The language to answer in: `?locale=` when it names Swedish or English, else the first
 * of them in Accept-Language by preference; Swedish otherwise, as the area's own.
 */
export function resolveLanguage(locale: unknown, acceptLanguage: string | undefined): Language {
  const fromLocale = typeof locale === 'string' ? languageOfTag(locale) : null;
  if (fromLocale) return fromLocale;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const language = languageOfTag(entry.tag);
    if (language) return language;
  }
  return 'sv';
}

function languageOfTag(tag: string): Language | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'sv' || primary === 'en' ? primary : null;
}

/** The request's answer language, from `?locale=` and Accept-Language. */
export const Open311Language = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Language => {
    const request = context.switchToHttp().getRequest<Request>();
    return resolveLanguage(request.query.locale, request.headers['accept-language']);
  },
);
