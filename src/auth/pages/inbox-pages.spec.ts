import { InboxPages, newPasswordProblems } from './inbox-pages';
import { INBOX_TEMPLATES } from './inbox-views';
import { InboxViews } from './inbox-views';
import { MESSAGE_PAGES } from './inbox-texts';
import type { Language } from '../../cases/case.model';

const LANGUAGES: Language[] = ['sv', 'en'];

describe(InboxPages.name, () => {
  const pages = new InboxPages(new InboxViews());

  const everyPage = (language: Language): string[] => [
    pages.signIn(language, { csrf: 'token' }),
    pages.signIn(language, { csrf: 'token', email: 'a@b.se', failed: true, notice: 'signed-out' }),
    pages.forgotPassword(language, 'token'),
    pages.resetPassword(language, { csrf: 'c', token: 't', problems: ['tooShort', 'mismatch'] }),
    ...MESSAGE_PAGES.map((page) => pages.message(language, page, 'error-id')),
  ];

  it('renders every page in both languages, without inline scripts or styles', () => {
    expect(INBOX_TEMPLATES.length).toBeGreaterThan(0);
    for (const language of LANGUAGES)
      for (const html of everyPage(language)) {
        expect(html).toContain(`<html lang="${language}">`);
        expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
      }
  });

  it('says only that the address or the password was wrong, never which', () => {
    const swedish = pages.signIn('sv', { csrf: 'c', email: 'x@y.se', failed: true });
    expect(swedish).toContain('Fel e-postadress eller lösenord');
    const english = pages.signIn('en', { csrf: 'c', failed: true });
    expect(english).toContain('Wrong e-mail address or password');
    expect(pages.signIn('sv', { csrf: 'c' })).not.toContain('Fel e-postadress');
  });

  it('escapes what the visitor typed and names', () => {
    const html = pages.signIn('sv', { csrf: 'c', email: '"><script>x</script>', failed: true });
    expect(html).not.toContain('<script>x');
  });
});

describe('newPasswordProblems', () => {
  it('names a short or long password and a repetition that differs', () => {
    expect(newPasswordProblems('kort', 'kort')).toEqual(['tooShort']);
    expect(newPasswordProblems('x'.repeat(300), 'x'.repeat(300))).toEqual(['tooLong']);
    expect(newPasswordProblems('ett långt lösenord', 'ett annat lösenord')).toEqual(['mismatch']);
    expect(newPasswordProblems('ett långt lösenord', 'ett långt lösenord')).toEqual([]);
  });
});
