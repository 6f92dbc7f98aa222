import { ApiTokenEntity } from '../../auth/entities/api-token.entity';
import { PasswordResetEntity } from '../../auth/entities/password-reset.entity';
import { UserSessionEntity } from '../../auth/entities/user-session.entity';
import { UserEntity } from '../../auth/entities/user.entity';
import { CaseAttachmentEntity } from '../../cases/case-attachment.entity';
import { CaseEventEntity } from '../../cases/case-event.entity';
import { CaseMessageEntity } from '../../cases/case-message.entity';
import { CaseTransferEntity } from '../../cases/case-transfer.entity';
import { CaseNoteEntity } from '../../inbox/case-note.entity';
import { CaseEntity } from '../../cases/case.entity';
import { CaseClockEntity } from '../../deadlines/case-clock.entity';
import { CasePauseEntity } from '../../deadlines/case-pause.entity';
import { AreaSettingsEntity } from '../../directory/area-settings.entity';
import { CategoryEntity } from '../../directory/category.entity';
import { ContractEntity } from '../../directory/contract.entity';
import { GtfsFeedEntity } from '../../directory/gtfs/gtfs-feed.entity';
import { OrganisationEntity } from '../../directory/organisation.entity';
import { SavedReplyEntity } from '../../directory/saved-reply.entity';
import { TaxonomyTermEntity } from '../../directory/taxonomy-term.entity';
import { OutboundAttachmentEntity } from '../../notifications/outbound-attachment.entity';
import { OutboundMessageEntity } from '../../notifications/outbound-message.entity';
import { OutboxEntity } from '../../notifications/outbox.entity';
import { SmsOptOutEntity } from '../../notifications/sms-opt-out.entity';
import {
  CycleEntity,
  ForumEntity,
  ImprovementActionEntity,
  PartnershipEventEntity,
} from '../../partnership/partnership.entities';
import { RidershipEntity } from '../../ridership/ridership.entity';
import { ReportDeliveryEntity, ReportExportEntity } from '../../reports/report-export.entities';

/** Every TypeORM entity, listed once so the app, the migration CLI and the schema check agree. */
export const ENTITIES = [
  CaseEntity,
  CaseEventEntity,
  CaseAttachmentEntity,
  CaseMessageEntity,
  CaseTransferEntity,
  CaseClockEntity,
  CasePauseEntity,
  CaseNoteEntity,
  OutboxEntity,
  OutboundMessageEntity,
  SmsOptOutEntity,
  OrganisationEntity,
  CategoryEntity,
  TaxonomyTermEntity,
  SavedReplyEntity,
  ContractEntity,
  AreaSettingsEntity,
  GtfsFeedEntity,
  UserEntity,
  UserSessionEntity,
  ApiTokenEntity,
  PasswordResetEntity,
  RidershipEntity,
  ForumEntity,
  CycleEntity,
  ImprovementActionEntity,
  PartnershipEventEntity,
  ReportExportEntity,
  ReportDeliveryEntity,
  OutboundAttachmentEntity,
];
