import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { pickLanguage } from '../../feedback/i18n/language';
import type { Language } from '../../cases/case.model';
import { passwordProblem } from '../account-input';
import { inboxTexts } from './inbox-texts';
import type { InboxTexts, MessagePage, Notice } from './inbox-texts';
import { InboxViews } from './inbox-views';

export const INBOX_PATH = '/inbox';
export const SIGN_IN_PATH = '/inbox/sign-in';
export const SIGN_OUT_PATH = '/inbox/sign-out';
export const FORGOT_PASSWORD_PATH = '/inbox/forgot-password';
export const RESET_PASSWORD_PATH = '/inbox/reset-password';

/** The page's language: `?lang=` when it names one, else the browser's preference, else Swedish. */
export function languageOf(request: Request, lang: unknown): Language {
  return pickLanguage(lang, request.headers['accept-language']);
}

export function withLanguage(path: string, language: Language): string {
  return `${path}${path.includes('?') ? '&' : '?'}lang=${language}`;
}

export type NewPasswordProblem = 'tooShort' | 'tooLong' | 'mismatch';

/** What is wrong with a new password and its repetition, as the reset form says it. */
export function newPasswordProblems(password: string, confirm: string): NewPasswordProblem[] {
  const problems: NewPasswordProblem[] = [];
  const weak = passwordProblem(password);
  if (weak) problems.push(weak === 'too-short' ? 'tooShort' : 'tooLong');
  if (password !== confirm) problems.push('mismatch');
  return problems;
}

interface FieldView {
  id: string;
  name: string;
  label: string;
  type: string;
  value: string;
  autocomplete: string;
  hint: string | null;
  error: string | null;
  describedBy: string | null;
}

function field(
  view: Omit<FieldView, 'describedBy' | 'hint' | 'error' | 'value'> &
    Partial<Pick<FieldView, 'hint' | 'error' | 'value'>>,
): FieldView {
  const hint = view.hint ?? null;
  const error = view.error ?? null;
  const describedBy =
    [hint ? `${view.id}-hint` : null, error ? `${view.id}-error` : null]
      .filter(Boolean)
      .join(' ') || null;
  return { ...view, value: view.value ?? '', hint, error, describedBy };
}

/** Who is signed in and the sign-out form, shown in the header of a signed-in page. */
export interface HeaderAccount {
  signedInAs: string;
  signOut: string;
  signOutAction: string;
  csrf: string;
}

/** The inbox layout's model: title, header links and the language switch back to `switchPath`. */
export function inboxLayout(
  texts: InboxTexts,
  language: Language,
  title: string,
  switchPath: string,
  account: HeaderAccount | null = null,
) {
  const other: Language = language === 'sv' ? 'en' : 'sv';
  return {
    lang: language,
    title: `${title} – ${texts.layout.siteName}`,
    texts: texts.layout,
    homeHref: withLanguage(INBOX_PATH, language),
    switchHref: withLanguage(switchPath, other),
    switchLang: other,
    switchLabel: texts.otherLanguage,
    account,
  };
}

/** The inbox's sign-in pages as HTML, in Swedish or English. Values are escaped by Handlebars. */
@Injectable()
export class InboxPages {
  constructor(private readonly views: InboxViews) {}

  signIn(
    language: Language,
    input: { csrf: string; email?: string; failed?: boolean; notice?: Notice | null },
  ): string {
    const texts = inboxTexts(language);
    const t = texts.signIn;
    return this.views.render('sign-in', {
      layout: inboxLayout(texts, language, t.title, SIGN_IN_PATH),
      t,
      // One message for every failure: it must not say which part was wrong.
      summary: input.failed
        ? { title: t.failed, items: [] as { href: string | null; text: string }[] }
        : null,
      notice: input.notice ? t.notices[input.notice] : null,
      action: withLanguage(SIGN_IN_PATH, language),
      csrf: input.csrf,
      email: field({
        id: 'email',
        name: 'email',
        label: t.email,
        type: 'email',
        value: input.email ?? '',
        autocomplete: 'username',
      }),
      password: field({
        id: 'password',
        name: 'password',
        label: t.password,
        type: 'password',
        autocomplete: 'current-password',
      }),
      forgotHref: withLanguage(FORGOT_PASSWORD_PATH, language),
    });
  }

  forgotPassword(language: Language, csrf: string): string {
    const texts = inboxTexts(language);
    const t = texts.forgot;
    return this.views.render('forgot-password', {
      layout: inboxLayout(texts, language, t.title, FORGOT_PASSWORD_PATH),
      t,
      action: withLanguage(FORGOT_PASSWORD_PATH, language),
      csrf,
      email: field({
        id: 'email',
        name: 'email',
        label: t.email,
        type: 'email',
        autocomplete: 'username',
      }),
      backHref: withLanguage(SIGN_IN_PATH, language),
    });
  }

  resetPassword(
    language: Language,
    input: { csrf: string; token: string; problems?: NewPasswordProblem[] },
  ): string {
    const texts = inboxTexts(language);
    const t = texts.reset;
    const problems = input.problems ?? [];
    const passwordError = problems.find((problem) => problem !== 'mismatch');
    const confirmError = problems.includes('mismatch') ? t.errors.mismatch : null;
    const errors = [
      passwordError ? { href: '#password', text: t.errors[passwordError] } : null,
      confirmError ? { href: '#confirm', text: confirmError } : null,
    ].filter((item) => item !== null);
    const switchPath = `${RESET_PASSWORD_PATH}?token=${encodeURIComponent(input.token)}`;
    return this.views.render('reset-password', {
      layout: inboxLayout(texts, language, t.title, switchPath),
      t,
      summary: errors.length ? { title: t.errorsTitle, items: errors } : null,
      action: withLanguage(RESET_PASSWORD_PATH, language),
      csrf: input.csrf,
      token: input.token,
      password: field({
        id: 'password',
        name: 'password',
        label: t.password,
        type: 'password',
        autocomplete: 'new-password',
        hint: t.passwordHint,
        error: passwordError ? t.errors[passwordError] : null,
      }),
      confirm: field({
        id: 'confirm',
        name: 'confirm',
        label: t.confirm,
        type: 'password',
        autocomplete: 'new-password',
        error: confirmError,
      }),
    });
  }

  /** A page that says one thing and links on: an error, or the reset request's one answer. */
  message(language: Language, page: MessagePage, errorId: string | null = null): string {
    const texts = inboxTexts(language);
    const words = texts.pages[page];
    const target = page === 'resetInvalid' ? FORGOT_PASSWORD_PATH : SIGN_IN_PATH;
    return this.views.render('message', {
      layout: inboxLayout(texts, language, words.title, target),
      t: words,
      errorId: errorId ? { label: texts.errorIdLabel, value: errorId } : null,
      href: withLanguage(target, language),
    });
  }
}
