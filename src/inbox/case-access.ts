import type { Principal } from '../auth/principal';
import type { SqlParams } from '../infra/database/sql-params';

/**
 * The access rules of cases, written once. Every read of cases for a person goes
 * through these predicates; each takes the viewer, so a query without one does not compile.
 *
 * - The authority sees every case, its triage included.
 * - Any other organisation sees in full the cases it is responsible for now, unless they
 *   sit in the authority's triage.
 * - A case it handed on (a transfer from it) it sees only as "transferred": reference,
 *   when, to whom and why; never the traveller or the thread.
 */
export type CaseAccess = 'full' | 'transferred';

/** Cases the viewer may see in full, as an SQL condition on the cases alias. */
export function fullAccessPredicate(viewer: Principal, params: SqlParams, alias = 'c'): string {
  if (viewer.organisationKind === 'authority') return 'TRUE';
  const organisation = params.add(viewer.organisationId);
  return `(${alias}.responsible_organisation_id = ${organisation}::uuid AND NOT ${alias}.triage)`;
}

/** Cases the viewer's organisation transferred away at some point. */
export function transferredAwayPredicate(
  viewer: Principal,
  params: SqlParams,
  alias = 'c',
): string {
  const organisation = params.add(viewer.organisationId);
  return (
    `EXISTS (SELECT 1 FROM case_transfers away WHERE away.case_id = ${alias}.id` +
    ` AND away.from_organisation_id = ${organisation}::uuid)`
  );
}

/** Any case the viewer may know of, in full or as transferred. */
export function visiblePredicate(viewer: Principal, params: SqlParams, alias = 'c'): string {
  const full = fullAccessPredicate(viewer, params, alias);
  if (full === 'TRUE') return full;
  return `(${full} OR ${transferredAwayPredicate(viewer, params, alias)})`;
}

/** What the viewer may see of one case, from the case's current holder and its transfers. */
export function caseAccessOf(
  viewer: Principal,
  held: { responsibleOrganisationId: string | null; triage: boolean },
  transferredFrom: readonly (string | null)[],
): CaseAccess | null {
  if (viewer.organisationKind === 'authority') return 'full';
  if (held.responsibleOrganisationId === viewer.organisationId && !held.triage) return 'full';
  return transferredFrom.includes(viewer.organisationId) ? 'transferred' : null;
}
