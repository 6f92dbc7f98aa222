import type { Principal } from '../auth/principal';
import {
  caseAccessOf,
  fullAccessPredicate,
  transferredAwayPredicate,
  visiblePredicate,
} from './case-access';
import { SqlParams } from '../infra/database/sql-params';

const viewer = (organisationKind: Principal['organisationKind']): Principal => ({
  userId: 'u1',
  organisationId: 'org-1',
  organisationKind,
  role: 'handler',
  via: 'session',
});

describe('case access predicates', () => {
  it('lets the authority see every case, with no parameter at all', () => {
    const params = new SqlParams();
    expect(fullAccessPredicate(viewer('authority'), params)).toBe('TRUE');
    expect(visiblePredicate(viewer('authority'), params)).toBe('TRUE');
    expect(params.values).toEqual([]);
  });

  it("scopes an operator to the cases it holds outside the authority's triage, by parameter", () => {
    const params = new SqlParams();
    const sql = fullAccessPredicate(viewer('operator'), params, 'x');
    expect(sql).toBe('(x.responsible_organisation_id = $1::uuid AND NOT x.triage)');
    expect(params.values).toEqual(['org-1']);
  });

  it('adds the cases the organisation transferred away to what it may know of', () => {
    const params = new SqlParams();
    const sql = visiblePredicate(viewer('other'), params);
    expect(sql).toContain('c.responsible_organisation_id = $1::uuid');
    expect(sql).toContain('away.from_organisation_id = $2::uuid');
    expect(params.values).toEqual(['org-1', 'org-1']);
    expect(transferredAwayPredicate(viewer('operator'), new SqlParams())).toMatch(
      /^EXISTS \(SELECT 1 FROM case_transfers/,
    );
  });
});

describe(caseAccessOf.name, () => {
  const held = (responsibleOrganisationId: string | null, triage = false) => ({
    responsibleOrganisationId,
    triage,
  });

  it('gives the authority every case in full, triage included', () => {
    expect(caseAccessOf(viewer('authority'), held('org-9', true), [])).toBe('full');
  });

  it('gives an operator its own case in full, unless the authority is triaging it', () => {
    expect(caseAccessOf(viewer('operator'), held('org-1'), [])).toBe('full');
    expect(caseAccessOf(viewer('operator'), held('org-1', true), [])).toBeNull();
  });

  it('shows a case handed on only as transferred, and nothing of strangers', () => {
    expect(caseAccessOf(viewer('operator'), held('org-2'), ['org-1'])).toBe('transferred');
    expect(caseAccessOf(viewer('operator'), held('org-2'), ['org-3', null])).toBeNull();
  });
});
