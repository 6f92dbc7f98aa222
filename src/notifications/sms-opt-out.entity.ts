import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A number that answered STOP: nothing goes to it until it answers START. */
@Entity({ name: 'sms_opt_outs' })
export class SmsOptOutEntity {
  @PrimaryColumn({ type: 'text' })
  phone: string;

  @Column({ name: 'opted_out_at', type: 'timestamptz', default: () => 'now()' })
  optedOutAt: Date;
}
