import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganisationKind } from '../directory/organisation.entity';
import type { Principal, Role } from './principal';
import type { LockoutState } from './sign-in-policy';

export interface OrganisationRef {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
}

/** What a sign-in needs to know about the account an address names. */
export interface SignInAccount extends LockoutState {
  id: string;
  passwordHash: string;
  disabledAt: Date | null;
  principal: Omit<Principal, 'via'>;
}

export interface UserProfile {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisation: OrganisationRef;
}

export interface NewUserRow {
  organisationId: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

const UNIQUE_VIOLATION = '23505';

/** Users and the organisation each belongs to. E-mail addresses arrive here already lower-case. */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findOrganisation(code: string): Promise<OrganisationRef | null> {
    const [row] = await this.dataSource.query<OrganisationRef[]>(
      'SELECT id, code, name, kind FROM organisations WHERE code = $1',
      [code],
    );
    return row ?? null;
  }

  /** Inserts a user; null when the address has an account already. */
  async insert(user: NewUserRow): Promise<string | null> {
    try {
      const [row] = await this.dataSource.query<{ id: string }[]>(
        `INSERT INTO users (organisation_id, email, name, role, password_hash)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [user.organisationId, user.email, user.name, user.role, user.passwordHash],
      );
      return row.id;
    } catch (error) {
      const failure = error as { code?: string; driverError?: { code?: string } };
      if ((failure.driverError?.code ?? failure.code) === UNIQUE_VIOLATION) return null;
      throw error;
    }
  }

  async findForSignIn(email: string): Promise<SignInAccount | null> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        passwordHash: string;
        failedSignIns: number;
        lockedUntil: Date | null;
        disabledAt: Date | null;
        organisationId: string;
        organisationKind: OrganisationKind;
        role: Role;
      }[]
    >(
      `SELECT u.id, u.password_hash AS "passwordHash", u.failed_sign_ins AS "failedSignIns",
              u.locked_until AS "lockedUntil", u.disabled_at AS "disabledAt",
              u.organisation_id AS "organisationId", o.kind AS "organisationKind", u.role
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.email = $1`,
      [email],
    );
    if (!row) return null;
    const { organisationId, organisationKind, role, ...account } = row;
    return { ...account, principal: { userId: row.id, organisationId, organisationKind, role } };
  }

  /**
   * Applies `next` to the account's lockout state under a row lock, so that sign-ins
   * racing each other are counted one after the other.
   */
  async updateLockout(
    userId: string,
    next: (state: LockoutState) => LockoutState,
  ): Promise<LockoutState> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query<LockoutState[]>(
        `SELECT failed_sign_ins AS "failedSignIns", locked_until AS "lockedUntil"
           FROM users WHERE id = $1 FOR UPDATE`,
        [userId],
      );
      if (!current) return { failedSignIns: 0, lockedUntil: null };
      const updated = next(current);
      if (updated !== current)
        await manager.query(
          'UPDATE users SET failed_sign_ins = $2, locked_until = $3, updated_at = now() WHERE id = $1',
          [userId, updated.failedSignIns, updated.lockedUntil],
        );
      return updated;
    });
  }

  async clearLockout(userId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET failed_sign_ins = 0, locked_until = NULL, updated_at = now()
        WHERE id = $1 AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)`,
      [userId],
    );
  }

  /** A new password also lifts a lockout: whoever set it has proved who they are. */
  async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(
      `UPDATE users SET password_hash = $2, failed_sign_ins = 0, locked_until = NULL, updated_at = now()
        WHERE id = $1`,
      [userId, passwordHash],
    );
  }

  async profile(userId: string): Promise<UserProfile | null> {
    const [row] = await this.dataSource.query<
      (Omit<UserProfile, 'organisation'> & {
        organisationId: string;
        organisationCode: string;
        organisationName: string;
        organisationKind: OrganisationKind;
      })[]
    >(
      `SELECT u.id, u.name, u.email, u.role, o.id AS "organisationId", o.code AS "organisationCode",
              o.name AS "organisationName", o.kind AS "organisationKind"
         FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.id = $1`,
      [userId],
    );
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      organisation: {
        id: row.organisationId,
        code: row.organisationCode,
        name: row.organisationName,
        kind: row.organisationKind,
      },
    };
  }

  /** An account that may receive a reset link: it exists and is not disabled. */
  async findActive(email: string): Promise<{ id: string; name: string } | null> {
    const [row] = await this.dataSource.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM users WHERE email = $1 AND disabled_at IS NULL',
      [email],
    );
    return row ?? null;
  }

  /** Disables the account; returns its id, or null when no account has the address. */
  async disable(manager: EntityManager, email: string, at: Date): Promise<string | null> {
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE users SET disabled_at = coalesce(disabled_at, $2), updated_at = now()
        WHERE email = $1 RETURNING id`,
      [email, at],
    );
    return rows[0]?.id ?? null;
  }
}
