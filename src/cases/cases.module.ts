import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { DirectoryModule } from '../directory/directory.module';
import { RoutingModule } from '../routing/routing.module';
import { CasesController, MisroutesController } from './cases.controller';
import { TransfersService } from './transfers.service';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

@Module({
  imports: [DirectoryModule, RoutingModule, DeadlinesModule],
  controllers: [CasesController, MisroutesController],
  providers: [CasesRepository, CasesService, TransfersService],
  exports: [CasesService, TransfersService],
})
export class CasesModule {}
