import { passwordResetEmail } from './password-reset-email';

describe('passwordResetEmail', () => {
  const link = 'https://synpunkt.example/inbox/reset-password?token=abc&lang=sv';

  it('carries the link in both parts, in the asked-for language', () => {
    const swedish = passwordResetEmail('sv', 'Anna', link);
    expect(swedish.subject).toBe('Välj ett nytt lösenord till Synpunkt');
    expect(swedish.text).toContain(link);
    const href = /href="([^"]+)"/.exec(swedish.html)?.[1] ?? '';
    expect(href.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&')).toBe(link);
    expect(passwordResetEmail('en', 'Anna', link).text).toMatch(/^Hello Anna,/);
  });

  it('escapes the name in the HTML part', () => {
    const email = passwordResetEmail('en', '<b>Eve</b>', link);
    expect(email.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(email.html).not.toContain('<b>Eve');
  });
});
