import { Module } from '@nestjs/common';

@Module({})
export class Open311Module {}
