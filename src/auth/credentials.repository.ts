import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from './principal';
import type { SessionTimes } from './sign-in-policy';

export interface ApiTokenRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

type PrincipalRow = Omit<Principal, 'via'>;

// The principal's columns; each lookup joins the user and the organisation for them.
const PRINCIPAL_COLUMNS = `u.id AS "userId", u.organisation_id AS "organisationId",
  o.kind AS "organisationKind", u.role`;

/**
 * Sessions, API tokens and password reset links: secrets the database knows only by
 * their SHA-256. Every lookup is one statement on a primary or unique key.
 */
@Injectable()
export class CredentialsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertSession(
    manager: EntityManager,
    id: string,
    userId: string,
    times: SessionTimes,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO user_sessions (id, user_id, created_at, expires_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, userId, times.createdAt, times.expiresAt, times.lastSeenAt],
    );
  }

  /**
   * The principal of a live session of an enabled user, in one round trip; last_seen_at
   * (which the idle expiry slides from) is written only when older than `touchBefore`.
   */
  async findSessionPrincipal(
    id: string,
    now: Date,
    idleSince: Date,
    touchBefore: Date,
  ): Promise<PrincipalRow | null> {
    const [row] = await this.dataSource.query<PrincipalRow[]>(
      `WITH found AS (
         SELECT s.id AS session_id, s.last_seen_at, ${PRINCIPAL_COLUMNS}
           FROM user_sessions s
           JOIN users u ON u.id = s.user_id
           JOIN organisations o ON o.id = u.organisation_id
          WHERE s.id = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.disabled_at IS NULL),
       touched AS (
         UPDATE user_sessions SET last_seen_at = $2
          WHERE id IN (SELECT session_id FROM found WHERE last_seen_at < $4))
       SELECT "userId", "organisationId", "organisationKind", role FROM found`,
      [id, now, idleSince, touchBefore],
    );
    return row ?? null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.dataSource.query('DELETE FROM user_sessions WHERE id = $1', [id]);
  }

  async deleteSessionsOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('DELETE FROM user_sessions WHERE user_id = $1', [userId]);
  }

  /** Ended sessions are removed when their user next signs in. */
  async deleteEndedSessionsOf(
    manager: EntityManager,
    userId: string,
    now: Date,
    idleSince: Date,
  ): Promise<void> {
    await manager.query(
      'DELETE FROM user_sessions WHERE user_id = $1 AND (expires_at <= $2 OR last_seen_at <= $3)',
      [userId, now, idleSince],
    );
  }

  async insertApiToken(
    userId: string,
    name: string,
    tokenHash: string,
    at: Date,
  ): Promise<ApiTokenRow> {
    const [row] = await this.dataSource.query<ApiTokenRow[]>(
      `INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)
       RETURNING id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`,
      [userId, name, tokenHash, at],
    );
    return row;
  }

  listApiTokens(userId: string): Promise<ApiTokenRow[]> {
    return this.dataSource.query<ApiTokenRow[]>(
      `SELECT id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
         FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
  }

  /** Revokes one of the user's tokens (again is a no-op); false when the user has no such token. */
  async revokeApiToken(userId: string, id: string, at: Date): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $3) WHERE id = $1 AND user_id = $2`,
      [id, userId, at],
    );
    return affected > 0;
  }

  async revokeApiTokensOf(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await manager.query(
      'UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL',
      [userId, at],
    );
  }

  /** Like a session: the owner's principal, last_used_at written at most once a minute. */
  async findApiTokenPrincipal(
    tokenHash: string,
    now: Date,
    touchBefore: Date,
  ): Promise<PrincipalRow | null> {
    const [row] = await this.dataSource.query<PrincipalRow[]>(
      `WITH found AS (
         SELECT t.id AS token_id, t.last_used_at, ${PRINCIPAL_COLUMNS}
           FROM api_tokens t
           JOIN users u ON u.id = t.user_id
           JOIN organisations o ON o.id = u.organisation_id
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL),
       touched AS (
         UPDATE api_tokens SET last_used_at = $2
          WHERE id IN (SELECT token_id FROM found WHERE last_used_at IS NULL OR last_used_at < $3))
       SELECT "userId", "organisationId", "organisationKind", role FROM found`,
      [tokenHash, now, touchBefore],
    );
    return row ?? null;
  }

  async insertPasswordReset(
    manager: EntityManager,
    tokenHash: string,
    userId: string,
    createdAt: Date,
    expiresAt: Date,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
      [tokenHash, userId, createdAt, expiresAt],
    );
  }

  /** Links sent to the user since `since`, to stop one address being flooded with mail. */
  async countPasswordResetsSince(userId: string, since: Date): Promise<number> {
    const [row] = await this.dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM password_resets WHERE user_id = $1 AND created_at > $2',
      [userId, since],
    );
    return row.count;
  }

  async isPasswordResetUsable(tokenHash: string, now: Date): Promise<boolean> {
    const [row] = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM password_resets r JOIN users u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2 AND u.disabled_at IS NULL`,
      [tokenHash, now],
    );
    return row !== undefined;
  }

  /**
   * Marks a usable link used and returns its user, in one statement so that two posts of
   * the same link cannot both succeed; the user's other open links end with it.
   */
  async usePasswordReset(
    manager: EntityManager,
    tokenHash: string,
    now: Date,
  ): Promise<string | null> {
    const [rows] = await manager.query<[{ userId: string }[], number]>(
      `UPDATE password_resets r SET used_at = $2
         FROM users u
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > $2
          AND u.id = r.user_id AND u.disabled_at IS NULL
       RETURNING r.user_id AS "userId"`,
      [tokenHash, now],
    );
    const userId = rows[0]?.userId ?? null;
    if (userId)
      await manager.query(
        'UPDATE password_resets SET used_at = $2 WHERE user_id = $1 AND used_at IS NULL',
        [userId, now],
      );
    return userId;
  }
}
