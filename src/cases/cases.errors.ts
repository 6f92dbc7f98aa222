import { NotFoundError } from '../infra/errors/app-error';

export class CaseNotFoundError extends NotFoundError {
  constructor(reference: string) {
    super('cases.not-found', `No case has the reference ${reference}.`);
  }
}
