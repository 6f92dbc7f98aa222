import { formatAnswerBy } from '../messages/format-when';
import { Injectable } from '@nestjs/common';
import type { CaseKind, Language } from '../cases/case.model';
import { anchorOf, formControls } from './form-view';
import type { FormInput } from './form-view';
import { FeedbackViews } from './feedback-views';
import { textsFor } from './i18n/feedback-texts';
import type { FeedbackTexts, MessagePage } from './i18n/feedback-texts';

/** Who will answer, as the receipt names them. */
export type ReceiptHandler =
  | { kind: 'organisation'; name: string }
  | { kind: 'triage'; authority: string }
  | { kind: 'unknown' };

export interface ReceiptFacts {
  reference: string;
  kind: CaseKind;
  handler: ReceiptHandler;
  expectsAnswer: boolean;
  /** When a person will answer at the latest, and the instant and zone to say it from. */
  answerBy: { at: Date; from: Date; timeZone: string } | null;
}

const FORM_PATH = '/feedback';

function otherLanguage(language: Language): Language {
  return language === 'sv' ? 'en' : 'sv';
}

function withLanguage(path: string, language: Language): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${language}`;
}

/** The frame every page shares: header with the language switch, main, footer. */
function layout(
  texts: FeedbackTexts,
  language: Language,
  title: string,
  options: { switchPath: string; privacyHref?: string; script?: boolean },
) {
  const other = otherLanguage(language);
  return {
    lang: language,
    title: `${title} – ${texts.layout.siteName}`,
    texts: texts.layout,
    homeHref: withLanguage(FORM_PATH, language),
    privacyHref: options.privacyHref ?? `${withLanguage(FORM_PATH, language)}#privacy`,
    switchHref: withLanguage(options.switchPath, other),
    switchLang: other,
    switchLabel: texts.otherLanguage,
    script: options.script ?? false,
  };
}

/** Turns what the service decided into HTML pages, in the traveller's language. */
@Injectable()
export class FeedbackPages {
  constructor(private readonly views: FeedbackViews) {}

  form(input: FormInput): string {
    const texts = textsFor(input.language);
    const seen = new Set<string>();
    const summaryItems = input.errors
      .filter((error) => !seen.has(error.key) && seen.add(error.key))
      .map((error) => ({
        href: error.field ? `#${anchorOf(error.field)}` : null,
        text: texts.errors.messages[error.key],
      }));
    const title = (summaryItems.length ? texts.errors.titlePrefix : '') + texts.form.title;
    return this.views.render('form', {
      layout: layout(texts, input.language, title, {
        switchPath: FORM_PATH,
        privacyHref: '#privacy',
        script: true,
      }),
      t: texts.form,
      errorPrefix: texts.errors.prefix,
      summary: summaryItems.length
        ? { title: texts.errors.summaryTitle, items: summaryItems }
        : null,
      action: withLanguage(FORM_PATH, input.language),
      token: input.token,
      honeypot: texts.form.honeypot,
      controls: formControls(texts, input),
      privacy: texts.privacy,
    });
  }

  receipt(language: Language, receipt: ReceiptFacts, receiptPath: string): string {
    const texts = textsFor(language);
    const words = texts.receipt;
    const handler =
      receipt.handler.kind === 'organisation'
        ? receipt.handler.name
        : receipt.handler.kind === 'triage'
          ? words.triageHandler(receipt.handler.authority)
          : words.unknownHandler;
    return this.views.render('receipt', {
      layout: layout(texts, language, words.title, { switchPath: receiptPath }),
      t: words,
      reference: receipt.reference,
      kind: texts.form.kind.options[receipt.kind],
      handler,
      when: !receipt.expectsAnswer
        ? words.noReply
        : receipt.answerBy
          ? words.answerBy(
              formatAnswerBy(
                receipt.answerBy.at,
                receipt.answerBy.from,
                language,
                receipt.answerBy.timeZone,
              ),
            )
          : words.answerDeadline,
      anotherHref: withLanguage(FORM_PATH, language),
    });
  }

  /** A page that says one thing and links back to the form: thanks, or an error. */
  message(language: Language, page: MessagePage, errorId: string | null = null): string {
    const texts = textsFor(language);
    const words = texts.pages[page];
    return this.views.render('message', {
      layout: layout(texts, language, words.title, { switchPath: FORM_PATH }),
      t: words,
      errorId: errorId ? { label: texts.errorIdLabel, value: errorId } : null,
      href: withLanguage(FORM_PATH, language),
    });
  }
}
