/**
 * Every queue, job and payload, in one place. Payloads carry ids only: a job reads the
 * current state from PostgreSQL when it runs.
 */
export enum QueueName {
  Notifications = 'notifications',
  Deadlines = 'deadlines',
  Privacy = 'privacy',
  Reports = 'reports',
}

export enum JobName {
  CaseAcknowledgement = 'case-acknowledgement',
  SendSms = 'send-sms',
  SendEmail = 'send-email',
  UrgentAlert = 'urgent-alert',
  DeadlineCheck = 'deadline-check',
  RecomputeDeadlines = 'recompute-deadlines',
  NightlyAnonymisation = 'nightly-anonymisation',
  MonthlyExports = 'monthly-exports',
}

export interface JobPayloads {
  [JobName.CaseAcknowledgement]: { outboxId: string; caseId: string };
  [JobName.SendSms]: { outboxId: string; messageId: string; caseId?: string };
  [JobName.SendEmail]: { outboxId: string; messageId: string; caseId?: string };
  [JobName.UrgentAlert]: { outboxId: string; caseId: string };
  /** Runs when the case's next warning or deadline falls due (a delayed job). */
  [JobName.DeadlineCheck]: { outboxId: string; caseId: string };
  /** After the area's office hours or targets changed: every open case's clocks again. */
  [JobName.RecomputeDeadlines]: { outboxId: string };
  /** Repeated by a job scheduler, not through the outbox: it carries nothing. */
  [JobName.NightlyAnonymisation]: Record<string, never>;
  /** Daily by a job scheduler; it exports only on the first working day of a month. */
  [JobName.MonthlyExports]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.CaseAcknowledgement]: QueueName.Notifications,
  [JobName.SendSms]: QueueName.Notifications,
  [JobName.SendEmail]: QueueName.Notifications,
  [JobName.UrgentAlert]: QueueName.Notifications,
  [JobName.DeadlineCheck]: QueueName.Deadlines,
  [JobName.RecomputeDeadlines]: QueueName.Deadlines,
  [JobName.NightlyAnonymisation]: QueueName.Privacy,
  [JobName.MonthlyExports]: QueueName.Reports,
};

export const ALL_QUEUES = Object.values(QueueName);

export function isJobName(value: string): value is JobName {
  return (Object.values(JobName) as string[]).includes(value);
}

/**
 * Worker settings every processor shares. After a lost Redis connection a worker waits
 * runRetryDelay before its loop resumes; BullMQ's 15 s default would hold back
 * acknowledgements long after Redis is back.
 */
export const WORKER_OPTIONS = { concurrency: 1, runRetryDelay: 1000 } as const;
