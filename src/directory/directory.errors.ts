import { InvalidInputError } from '../infra/errors/app-error';
import type { AreaFileProblem } from './area-file/area-definition';
import type { GtfsProblem } from './gtfs/gtfs.model';

/** An area file refused whole; every problem carries its place in the file. */
export class AreaFileRejectedError extends InvalidInputError {
  constructor(readonly problems: AreaFileProblem[]) {
    super(
      'directory.area-file-invalid',
      `The area file has ${problems.length} problem(s); nothing was changed.`,
      problems.map((problem) => ({
        field: problem.line ? `${problem.path} (line ${problem.line})` : problem.path,
        reason: problem.reason,
      })),
    );
  }
}

/** A GTFS feed refused whole; every problem carries its file and line. */
export class GtfsFeedRejectedError extends InvalidInputError {
  constructor(readonly problems: GtfsProblem[]) {
    super(
      'directory.gtfs-invalid',
      `The GTFS feed has ${problems.length} problem(s); the active feed was not changed.`,
      problems.map((problem) => ({
        field: problem.line ? `${problem.file}:${problem.line}` : problem.file,
        reason: problem.reason,
      })),
    );
  }
}
