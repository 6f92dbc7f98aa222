import { Module } from '@nestjs/common';
import { AreaLoaderService } from './area-loader.service';
import { DirectoryEvents } from './directory-events';
import { DirectoryRepository } from './directory.repository';
import { GtfsImportService } from './gtfs/gtfs-import.service';

/** The area directory: organisations, contracts, categories, and the region's GTFS feed. */
@Module({
  providers: [AreaLoaderService, GtfsImportService, DirectoryRepository, DirectoryEvents],
  exports: [AreaLoaderService, GtfsImportService, DirectoryRepository, DirectoryEvents],
})
export class DirectoryModule {}
