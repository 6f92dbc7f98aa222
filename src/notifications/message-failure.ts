import type { DataSource } from 'typeorm';

/**
 * After a job's retries ran out (the provider was away too long), its messages still
 * queued are failed with the reason and shown on their cases, not left queued forever.
 */
export async function failQueuedMessages(
  dataSource: DataSource,
  messageIds: string[],
  reason: string,
): Promise<void> {
  const queued = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM outbound_messages WHERE id = ANY($1::uuid[]) AND status = 'queued'`,
    [messageIds],
  );
  for (const { id } of queued) await failMessage(dataSource, id, reason);
}

/**
 * Marks a message failed for good and puts the failure on its case's timeline, so that a
 * handler sees that the traveller (or the on-call contact) never got it, and why.
 */
export async function failMessage(
  dataSource: DataSource,
  messageId: string,
  reason: string,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `UPDATE outbound_messages SET status = 'failed', error = $2 WHERE id = $1`,
      [messageId, reason],
    );
    await manager.query(
      `INSERT INTO case_events (case_id, actor, type, data)
       SELECT case_id, 'system', 'message-failed',
              jsonb_build_object('messageId', id, 'channel', channel, 'kind', kind, 'reason', $2::text)
         FROM outbound_messages WHERE id = $1 AND case_id IS NOT NULL`,
      [messageId, reason],
    );
  });
}
