import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isoDateOf, parseIsoDate, wallClockAt, wallTimeToInstant } from '../calendar/zoned-time';
import type { TaxonomyKind } from '../directory/taxonomy-term.entity';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { RidershipRepository } from '../ridership/ridership.repository';
import type { RidershipMonth } from '../ridership/ridership.repository';
import {
  effectOfWindows,
  effectWindows,
  isoRange,
  monthsOf,
  per100k,
  proratedBoardings,
} from './effect';
import type { ActionEffect, DayRange } from './effect';
import type { ActionStatus } from './partnership.entities';

/** Whose view: the authority (organisationId null) sees everything, an operator its part. */
export interface PartnershipVisibility {
  /** The operator's organisation, or null for the authority. */
  operatorId: string | null;
}

/** What an action's effect is computed from. */
export interface EffectSubject {
  decidedOn: string;
  focusAreas: string[];
  rootCauses: string[];
  /** Empty: every contract (and cases without one). */
  contractIds: string[];
}

export interface ActionView {
  id: string;
  title: string;
  description: string | null;
  rootCauses: string[];
  focusAreas: string[];
  contracts: { id: string; code: string }[];
  owner: { id: string; code: string; name: string; kind: string };
  decidedOn: string;
  dueOn: string | null;
  status: ActionStatus;
  completedAt: string | null;
  cycle: { id: string; code: string; forumCode: string } | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  effect: ActionEffect;
}

/** An action as the monthly report lists it. */
export type OpenAction = ActionView;

export interface CycleView {
  id: string;
  forumId: string;
  forumCode: string;
  code: string;
  startsOn: string;
  endsOn: string;
  focusAreas: string[];
  reflections: string | null;
  decisions: string | null;
  closedAt: string | null;
}

export interface ForumView {
  id: string;
  code: string;
  name: string;
  contract: { id: string; code: string; name: string } | null;
  members: string[];
  createdAt: string;
  cycles: CycleView[];
}

export interface TaxonomyTermView {
  kind: TaxonomyKind;
  code: string;
  labelSv: string;
  labelEn: string;
}

interface ActionRow {
  id: string;
  title: string;
  description: string | null;
  root_causes: string[];
  focus_areas: string[];
  contract_ids: string[];
  contracts: { id: string; code: string }[];
  owner_id: string;
  owner_code: string;
  owner_name: string;
  owner_kind: string;
  decided_on: string;
  due_on: string | null;
  status: ActionStatus;
  completed_at: Date | null;
  cycle_id: string | null;
  cycle_code: string | null;
  forum_code: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const ACTION_SELECT = `
  SELECT a.id, a.title, a.description, a.root_causes, a.focus_areas, a.contract_ids,
         (SELECT coalesce(json_agg(json_build_object('id', c.id, 'code', c.code) ORDER BY c.code), '[]')
            FROM contracts c WHERE c.id = ANY(a.contract_ids)) AS contracts,
         o.id AS owner_id, o.code AS owner_code, o.name AS owner_name, o.kind AS owner_kind,
         to_char(a.decided_on, 'YYYY-MM-DD') AS decided_on, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
         a.status, a.completed_at, a.cycle_id, cy.code AS cycle_code, f.code AS forum_code,
         a.created_by, a.created_at, a.updated_at
    FROM improvement_actions a
    JOIN organisations o ON o.id = a.owner_organisation_id
    LEFT JOIN cycles cy ON cy.id = a.cycle_id
    LEFT JOIN forums f ON f.id = cy.forum_id`;

/** An operator sees the actions it owns and those of its contracts (or of every contract). */
const OPERATOR_SEES_ACTION = `(a.owner_organisation_id = $1 OR a.contract_ids = '{}'
  OR a.contract_ids && ARRAY(SELECT id FROM contracts WHERE operator_id = $1))`;

/**
 * The partnership's reading side: forums, cycles, actions with their effect, ridership.
 * The monthly report engine reads through `openActions` and `ridershipFor`.
 */
@Injectable()
export class PartnershipRepository {
  private readonly timeZone: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ridership: RidershipRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.timeZone = config.AREA_TIMEZONE;
  }

  /** Boardings per month and contract (see RidershipRepository.ridershipFor). */
  ridershipFor(months: string[], contractIds: string[] | null): Promise<RidershipMonth[]> {
    return this.ridership.ridershipFor(months, contractIds);
  }

  /**
   * The actions a monthly report of `scope` lists at `at`: planned and in progress, and
   * those done in the (local) month of `at`; each with owner, due date, tags and effect
   * measured at `at`. `contractId` null is the whole area; with a contract, the actions of
   * that contract or of every contract. `organisationId` narrows to what that operator sees.
   */
  async openActions(
    scope: { contractId: string | null; organisationId?: string },
    at: Date,
  ): Promise<OpenAction[]> {
    const wall = wallClockAt(at.getTime(), this.timeZone);
    const month = isoDateOf(wall.dayNo).slice(0, 7);
    const [year, m] = month.split('-').map(Number);
    const firstDay = parseIsoDate(`${month}-01`) as number;
    const nextFirst = parseIsoDate(
      m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`,
    ) as number;
    const params: unknown[] = [
      scope.organisationId ?? null,
      scope.contractId,
      new Date(wallTimeToInstant(firstDay, 0, this.timeZone)),
      new Date(wallTimeToInstant(nextFirst, 0, this.timeZone)),
    ];
    const rows = await this.dataSource.query<ActionRow[]>(
      `${ACTION_SELECT}
        WHERE ($1::uuid IS NULL OR ${OPERATOR_SEES_ACTION.replaceAll('$1', '$1::uuid')})
          AND ($2::uuid IS NULL OR a.contract_ids = '{}' OR $2::uuid = ANY(a.contract_ids))
          AND (a.status IN ('planned', 'in-progress')
               OR (a.status = 'done' AND a.completed_at >= $3 AND a.completed_at < $4))
        ORDER BY a.due_on NULLS LAST, a.decided_on, a.title`,
      params,
    );
    return this.withEffects(rows, at);
  }

  /** Every action the viewer may see, newest decision first, each with its effect at `today`. */
  async listActions(visibility: PartnershipVisibility, today: Date): Promise<ActionView[]> {
    const rows = await this.dataSource.query<ActionRow[]>(
      `${ACTION_SELECT}
        WHERE $1::uuid IS NULL OR ${OPERATOR_SEES_ACTION.replaceAll('$1', '$1::uuid')}
        ORDER BY a.decided_on DESC, a.created_at DESC`,
      [visibility.operatorId],
    );
    return this.withEffects(rows, today);
  }

  /** A cycle's actions as the viewer may see them, each with its effect at `at` (the cycle report). */
  async cycleActions(
    cycleId: string,
    visibility: PartnershipVisibility,
    at: Date,
  ): Promise<ActionView[]> {
    const rows = await this.dataSource.query<ActionRow[]>(
      `${ACTION_SELECT}
        WHERE a.cycle_id = $2 AND ($1::uuid IS NULL OR ${OPERATOR_SEES_ACTION.replaceAll('$1', '$1::uuid')})
        ORDER BY a.decided_on, a.title`,
      [visibility.operatorId, cycleId],
    );
    return this.withEffects(rows, at);
  }

  /** One action if the viewer may see it. */
  async findAction(
    id: string,
    visibility: PartnershipVisibility,
    today: Date,
  ): Promise<ActionView | null> {
    const rows = await this.dataSource.query<ActionRow[]>(
      `${ACTION_SELECT}
        WHERE a.id = $2 AND ($1::uuid IS NULL OR ${OPERATOR_SEES_ACTION.replaceAll('$1', '$1::uuid')})`,
      [visibility.operatorId, id],
    );
    const [view] = await this.withEffects(rows, today);
    return view ?? null;
  }

  /** The forums the viewer may see (an operator: the area's and its contracts'), with cycles. */
  async listForums(visibility: PartnershipVisibility): Promise<ForumView[]> {
    const forums = await this.dataSource.query<
      {
        id: string;
        code: string;
        name: string;
        contract_id: string | null;
        contract_code: string | null;
        contract_name: string | null;
        members: string[];
        created_at: Date;
      }[]
    >(
      `SELECT f.id, f.code, f.name, f.contract_id, c.code AS contract_code, c.name AS contract_name,
              f.members, f.created_at
         FROM forums f LEFT JOIN contracts c ON c.id = f.contract_id
        WHERE $1::uuid IS NULL OR f.contract_id IS NULL OR c.operator_id = $1::uuid
        ORDER BY f.contract_id NULLS FIRST, f.code`,
      [visibility.operatorId],
    );
    const cycles = await this.listCycles(forums.map((forum) => forum.id));
    return forums.map((forum) => ({
      id: forum.id,
      code: forum.code,
      name: forum.name,
      contract:
        forum.contract_id && forum.contract_code
          ? { id: forum.contract_id, code: forum.contract_code, name: forum.contract_name ?? '' }
          : null,
      members: forum.members,
      createdAt: forum.created_at.toISOString(),
      cycles: cycles.filter((cycle) => cycle.forumId === forum.id),
    }));
  }

  async listCycles(forumIds: string[]): Promise<CycleView[]> {
    if (forumIds.length === 0) return [];
    const rows = await this.dataSource.query<
      {
        id: string;
        forum_id: string;
        forum_code: string;
        code: string;
        starts_on: string;
        ends_on: string;
        focus_areas: string[];
        reflections: string | null;
        decisions: string | null;
        closed_at: Date | null;
      }[]
    >(
      `SELECT cy.id, cy.forum_id, f.code AS forum_code, cy.code,
              to_char(cy.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(cy.ends_on, 'YYYY-MM-DD') AS ends_on,
              cy.focus_areas, cy.reflections, cy.decisions, cy.closed_at
         FROM cycles cy JOIN forums f ON f.id = cy.forum_id
        WHERE cy.forum_id = ANY($1::uuid[])
        ORDER BY cy.starts_on, cy.code`,
      [forumIds],
    );
    return rows.map((row) => ({
      id: row.id,
      forumId: row.forum_id,
      forumCode: row.forum_code,
      code: row.code,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      focusAreas: row.focus_areas,
      reflections: row.reflections,
      decisions: row.decisions,
      closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    }));
  }

  /** The contracts and organisations an action form offers. */
  async formChoices(): Promise<{
    contracts: { id: string; code: string; name: string; operatorId: string }[];
    organisations: { id: string; code: string; name: string; kind: string }[];
  }> {
    const [contracts, organisations] = await Promise.all([
      this.dataSource.query<{ id: string; code: string; name: string; operatorId: string }[]>(
        'SELECT id, code, name, operator_id AS "operatorId" FROM contracts ORDER BY code',
      ),
      this.dataSource.query<{ id: string; code: string; name: string; kind: string }[]>(
        `SELECT id, code, name, kind FROM organisations WHERE kind IN ('authority', 'operator') ORDER BY kind, name`,
      ),
    ]);
    return { contracts, organisations };
  }

  /** The area file's partnership words, in the file's order. */
  taxonomy(): Promise<TaxonomyTermView[]> {
    return this.dataSource.query<TaxonomyTermView[]>(
      `SELECT kind, code, label_sv AS "labelSv", label_en AS "labelEn"
         FROM taxonomy_terms ORDER BY kind, position`,
    );
  }

  /**
   * The complaint rate in the action's areas (cases whose focus areas or root causes share
   * one of the action's, on its contracts or any) in two equal windows of whole local
   * days either side of its decision; per 100,000 boardings where ridership covers a
   * window's months (pro-rated by days), else counts only. Complaints only, merged
   * duplicates not counted.
   */
  async effectOf(action: EffectSubject, today: Date): Promise<ActionEffect> {
    const { windowDays, before, after } = effectWindows(action.decidedOn, today, this.timeZone);
    const instant = (dayNo: number) => new Date(wallTimeToInstant(dayNo, 0, this.timeZone));
    const [counts] = await this.dataSource.query<{ before: number; after: number }[]>(
      `SELECT count(*) FILTER (WHERE created_at >= $1 AND created_at < $2)::int AS before,
              count(*) FILTER (WHERE created_at >= $2 AND created_at < $3)::int AS after
         FROM cases
        WHERE kind = 'complaint' AND merged_into_case_id IS NULL
          AND created_at >= $1 AND created_at < $3
          AND (focus_areas && $4::text[] OR root_causes && $5::text[])
          AND (cardinality($6::uuid[]) = 0 OR contract_id = ANY($6::uuid[]))`,
      [
        instant(before.fromDay),
        instant(after.fromDay),
        instant(after.toDay + 1),
        action.focusAreas,
        action.rootCauses,
        action.contractIds,
      ],
    );
    const monthly = await this.monthlyBoardings(
      [...new Set([...monthsOf(before), ...monthsOf(after)])],
      action.contractIds,
    );
    const side = (range: DayRange, cases: number) => {
      const boardings = proratedBoardings(range, monthly);
      return { ...isoRange(range), cases, boardings, per100k: per100k(cases, boardings) };
    };
    return effectOfWindows(windowDays, side(before, counts.before), side(after, counts.after));
  }

  /**
   * Boardings per month over the action's contracts: a month counts only when every named
   * contract has a figure for it; for every contract (none named), when any has.
   */
  private async monthlyBoardings(
    months: string[],
    contractIds: string[],
  ): Promise<Map<string, number>> {
    const figures = await this.ridership.ridershipFor(
      months,
      contractIds.length ? contractIds : null,
    );
    const monthly = new Map<string, number>();
    for (const month of months) {
      const ofMonth = figures.filter((figure) => figure.month === month);
      const covered = contractIds.length
        ? contractIds.every((id) => ofMonth.some((figure) => figure.contractId === id))
        : ofMonth.length > 0;
      if (covered)
        monthly.set(
          month,
          ofMonth.reduce((sum, figure) => sum + figure.boardings, 0),
        );
    }
    return monthly;
  }

  private async withEffects(rows: ActionRow[], today: Date): Promise<ActionView[]> {
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        title: row.title,
        description: row.description,
        rootCauses: row.root_causes,
        focusAreas: row.focus_areas,
        contracts: row.contracts,
        owner: {
          id: row.owner_id,
          code: row.owner_code,
          name: row.owner_name,
          kind: row.owner_kind,
        },
        decidedOn: row.decided_on,
        dueOn: row.due_on,
        status: row.status,
        completedAt: row.completed_at ? row.completed_at.toISOString() : null,
        cycle:
          row.cycle_id && row.cycle_code
            ? { id: row.cycle_id, code: row.cycle_code, forumCode: row.forum_code ?? '' }
            : null,
        createdBy: row.created_by,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
        effect: await this.effectOf(
          {
            decidedOn: row.decided_on,
            focusAreas: row.focus_areas,
            rootCauses: row.root_causes,
            contractIds: row.contract_ids,
          },
          today,
        ),
      })),
    );
  }
}
