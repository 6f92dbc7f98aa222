import {
  FieldError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../infra/errors/app-error';

/** A report request with a month, contract or format we cannot use; each field named. */
export class ReportRequestInvalidError extends InvalidInputError {
  static readonly CODE = 'reports.request-invalid';
  constructor(errors: FieldError[]) {
    super(ReportRequestInvalidError.CODE, 'The report cannot be made as asked.', errors);
  }
}

/** A contract the viewer's organisation neither orders nor operates. */
export class ReportContractForbiddenError extends ForbiddenError {
  static readonly CODE = 'reports.contract-forbidden';
  constructor() {
    super(
      ReportContractForbiddenError.CODE,
      'Your organisation may only see reports on the contracts it operates.',
    );
  }
}

/** No stored export with that id that the viewer may have. */
export class StoredExportNotFoundError extends NotFoundError {
  static readonly CODE = 'reports.export-not-found';
  constructor() {
    super(StoredExportNotFoundError.CODE, 'No such export is open to you.');
  }
}

/** No cycle with that id. */
export class CycleNotFoundError extends NotFoundError {
  static readonly CODE = 'reports.cycle-not-found';
  constructor() {
    super(CycleNotFoundError.CODE, 'No such cycle.');
  }
}
