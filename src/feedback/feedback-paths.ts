import { projectFile } from '../infra/runtime/project-file';

// Templates and assets stay in src/ (the build copies no files); the Docker image carries them.
export function feedbackViewsDir(): string {
  return projectFile('src/feedback/views');
}

/** The form's CSS and JavaScript, served under /assets/. */
export function feedbackAssetsDir(): string {
  return projectFile('src/feedback/assets');
}
