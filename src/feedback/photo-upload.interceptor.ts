import {
  BadRequestException,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { PhotoUploadProblem } from './feedback.service';

export const MAX_PHOTOS = 3;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const UPLOAD_PROBLEM = Symbol('photoUploadProblem');
type RequestWithProblem = Request & { [UPLOAD_PROBLEM]?: PhotoUploadProblem; files?: unknown };

const MultipartPhotos: Type<NestInterceptor> = FilesInterceptor('photos', MAX_PHOTOS, {
  // No storage or dest: multer keeps the photos in memory, for the intake to store in PostgreSQL.
  limits: {
    files: MAX_PHOTOS,
    fileSize: MAX_PHOTO_BYTES,
    // The description is 5,000 characters, up to 4 bytes each; the rest are short.
    fieldSize: 32 * 1024,
    fields: 30,
    parts: 40,
    fieldNameSize: 100,
  },
});

/** What multer's refusal says about the photos, or null when it is about something else. */
function photoProblemOf(error: unknown): PhotoUploadProblem | null {
  if (error instanceof PayloadTooLargeException) return 'tooLarge';
  // Nest keeps multer's message: "Too many files", or "Unexpected file field - photos" past the 3rd.
  if (
    error instanceof BadRequestException &&
    /^(Too many files|Unexpected file field - photos)$/.test(error.message)
  )
    return 'tooMany';
  return null;
}

/**
 * Reads the multipart form with multer (photos in memory, limits enforced). A photo too
 * large or too many photos is the traveller's to fix, so the form is shown again with
 * that error instead of an error page; the photos come last in the form, so every field
 * before them has been read. Anything else multer refuses goes to the error filter.
 */
@Injectable()
export class PhotoUploadInterceptor extends MultipartPhotos {
  override async intercept(
    context: ExecutionContext,
    next: CallHandler,
  ): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      const problem = photoProblemOf(error);
      if (!problem) throw error;
      const request = context.switchToHttp().getRequest<RequestWithProblem>();
      request[UPLOAD_PROBLEM] = problem;
      request.files = [];
      return next.handle();
    }
  }
}

/** The photos problem the interceptor recorded, or null. */
export const PhotoProblem = createParamDecorator(
  (_: unknown, context: ExecutionContext): PhotoUploadProblem | null =>
    context.switchToHttp().getRequest<RequestWithProblem>()[UPLOAD_PROBLEM] ?? null,
);
