export { projectFile } from '../infra/runtime/project-file';

export const DEMO_AREA_FILE = 'area/demo-uppsala.yaml';
export const DEMO_GTFS_FEED = 'area/gtfs/ul-2021.zip';

/** `area.name` in the demo file: a database loaded from it takes the file's later edits. */
export const DEMO_AREA_NAME = 'Uppsala län (demo)';
