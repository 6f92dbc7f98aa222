import { CaseEntity } from '../../cases/case.entity';
import { OutboxEntity } from '../../notifications/outbox.entity';

/** Every TypeORM entity, listed once so the app, the migration CLI and the schema check agree. */
export const ENTITIES = [CaseEntity, OutboxEntity];
