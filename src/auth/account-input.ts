import type { FieldError } from '../infra/errors/app-error';
import { isRole } from './principal';
import type { Role } from './principal';

export const MIN_PASSWORD_LENGTH = 12;
// Long enough for any passphrase or manager; a cap keeps one request from costing much.
export const MAX_PASSWORD_LENGTH = 256;
const MAX_EMAIL_LENGTH = 254;
const MAX_NAME_LENGTH = 200;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An e-mail address as stored and looked up: trimmed and lower-case; null when it is not one. */
export function normaliseEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email) ? email : null;
}

export type PasswordProblem = 'too-short' | 'too-long';

/** Why a new password is refused, or null. Length counts characters, not bytes. */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  return null;
}

export function passwordReason(problem: PasswordProblem): string {
  switch (problem) {
    case 'too-short':
      return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
    case 'too-long':
      return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  }
}

export interface NewAccount {
  organisationCode: string;
  email: string;
  name: string;
  role: Role;
  password: string;
}

/** Checks a new account's fields; every problem is named with its field. */
export function checkNewAccount(input: {
  organisationCode: unknown;
  email: unknown;
  name: unknown;
  role: unknown;
  password: unknown;
}): { account: NewAccount; problems: [] } | { account: null; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const organisationCode = typeof input.organisationCode === 'string' ? input.organisationCode : '';
  if (!organisationCode.trim())
    problems.push({ field: 'organisation', reason: 'must be an organisation code' });
  const email = normaliseEmail(input.email);
  if (!email) problems.push({ field: 'email', reason: 'must be an e-mail address' });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > MAX_NAME_LENGTH)
    problems.push({ field: 'name', reason: `must be 1-${MAX_NAME_LENGTH} characters` });
  if (!isRole(input.role))
    problems.push({ field: 'role', reason: 'must be handler, supervisor, admin or forum' });
  const password = typeof input.password === 'string' ? input.password : '';
  const weak = passwordProblem(password);
  if (weak) problems.push({ field: 'password', reason: passwordReason(weak) });
  if (problems.length || !email || !isRole(input.role)) return { account: null, problems };
  return {
    account: { organisationCode: organisationCode.trim(), email, name, role: input.role, password },
    problems: [],
  };
}
