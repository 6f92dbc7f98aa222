import { checkNewAccount, normaliseEmail, passwordProblem } from './account-input';

describe('normaliseEmail', () => {
  it('trims and lower-cases an address so that one person has one account', () => {
    expect(normaliseEmail('  Anna.Berg@UL.example ')).toBe('anna.berg@ul.example');
  });

  it('refuses what is not an address', () => {
    for (const value of ['', 'anna', 'anna@', '@ul.se', 'an na@ul.se', 'anna@ul', 42, null])
      expect(normaliseEmail(value)).toBeNull();
    expect(normaliseEmail(`${'a'.repeat(250)}@ul.se`)).toBeNull();
  });
});

describe('passwordProblem', () => {
  it('wants 12 to 256 characters, counted as characters', () => {
    expect(passwordProblem('elva tecken')).toBe('too-short');
    expect(passwordProblem('tolv tecken!')).toBeNull();
    expect(passwordProblem('åäöåäöåäöåäö')).toBeNull();
    expect(passwordProblem('🚌'.repeat(12))).toBeNull();
    expect(passwordProblem('x'.repeat(257))).toBe('too-long');
  });
});

describe('checkNewAccount', () => {
  const valid = {
    organisationCode: 'UL',
    email: 'Handlaggare@UL.example',
    name: ' Hanna Handläggare ',
    role: 'handler',
    password: 'a long enough password',
  };

  it('accepts a valid account, normalised', () => {
    expect(checkNewAccount(valid)).toEqual({
      account: { ...valid, email: 'handlaggare@ul.example', name: 'Hanna Handläggare' },
      problems: [],
    });
  });

  it('names every wrong field', () => {
    const result = checkNewAccount({
      organisationCode: ' ',
      email: 'nope',
      name: '',
      role: 'root',
      password: 'short',
    });
    expect(result.account).toBeNull();
    expect(result.problems.map((problem) => problem.field)).toEqual([
      'organisation',
      'email',
      'name',
      'role',
      'password',
    ]);
  });
});
