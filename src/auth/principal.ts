import type { OrganisationKind } from '../directory/organisation.entity';

/** What a user may do: handlers work cases, supervisors also steer them, forum members only read reports. */
export const ROLES = ['handler', 'supervisor', 'admin', 'forum'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Who is asking, as the guard attaches it to the request: the user, their organisation
 * and its kind (an operator's queries must always carry the operator), and their role.
 */
export interface Principal {
  userId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  role: Role;
  /** A browser session or an integration's API token (which acts with its owner's scope). */
  via: 'session' | 'api-token';
}
