export { projectFile } from '../infra/runtime/project-file';

export const DEMO_AREA_FILE = 'area/demo-uppsala.yaml';
export const DEMO_GTFS_FEED = 'area/gtfs/ul-2021.zip';
