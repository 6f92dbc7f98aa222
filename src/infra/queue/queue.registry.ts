/**
 * Every queue, job and payload, in one place. Payloads carry ids only: a job reads the
 * current state from PostgreSQL when it runs.
 */
export enum QueueName {
  Notifications = 'notifications',
}

export enum JobName {
  CaseAcknowledgement = 'case-acknowledgement',
  SendSms = 'send-sms',
}

export interface JobPayloads {
  [JobName.CaseAcknowledgement]: { outboxId: string; caseId: string };
  [JobName.SendSms]: { outboxId: string; messageId: string; caseId?: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.CaseAcknowledgement]: QueueName.Notifications,
  [JobName.SendSms]: QueueName.Notifications,
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
export const WORKER_OPTIONS = { concurrency: 10, runRetryDelay: 1000 } as const;
