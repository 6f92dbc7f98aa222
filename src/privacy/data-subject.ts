import type { FieldError } from '../infra/errors/app-error';
import { toE164 } from '../intake/phone-number';

/** The traveller a request is about, as the cases store their contact. */
export interface DataSubject {
  email: string | null;
  phone: string | null;
}

export type DataSubjectResult =
  { ok: true; subject: DataSubject } | { ok: false; errors: FieldError[] };

/** Reads an export or erasure request: at least one of the two, e-mail lower-cased, phone E.164. */
export function toDataSubject(input: { email?: string; phone?: string }): DataSubjectResult {
  const email = input.email?.trim().toLowerCase() || null;
  const given = input.phone?.trim() || null;
  if (!email && !given) {
    const reason = 'give an e-mail address or a phone number';
    return {
      ok: false,
      errors: [
        { field: 'email', reason },
        { field: 'phone', reason },
      ],
    };
  }
  const phone = given ? toE164(given) : null;
  if (given && !phone)
    return { ok: false, errors: [{ field: 'phone', reason: 'is not a phone number' }] };
  return { ok: true, subject: { email, phone } };
}

/** The cut-off before which a resolved or closed case's last change makes it expire. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * 86_400_000);
}
