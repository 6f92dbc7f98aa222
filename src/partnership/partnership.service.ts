import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { parseIsoDate, wallClockAt } from '../calendar/zoned-time';
import type { Principal, Role } from '../auth/principal';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import type { FieldError } from '../infra/errors/app-error';
import type {
  CreateActionDto,
  CreateCycleDto,
  CreateForumDto,
  RecordCycleDto,
  UpdateActionDto,
  UpdateCycleDto,
  UpdateForumDto,
} from './dto/partnership.dto';
import { CycleEntity, ForumEntity, ImprovementActionEntity } from './partnership.entities';
import {
  PartnershipConflictError,
  PartnershipForbiddenError,
  PartnershipInputError,
  PartnershipNotFoundError,
} from './partnership.errors';
import { recordPartnershipEvent } from './partnership-events';
import type { PartnershipEntityKind } from './partnership-events';
import { PartnershipRepository } from './partnership.repository';
import type { ActionView, ForumView, PartnershipVisibility } from './partnership.repository';

const WRITERS_OF_ACTIONS: Record<'authority' | 'operator', Role[]> = {
  authority: ['handler', 'supervisor', 'admin'],
  operator: ['supervisor', 'admin'],
};

/** A decision may be recorded up to a year ahead; never before this. */
const EARLIEST_DATE = '2000-01-01';

function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === '23505'
  );
}

/**
 * The partnership cycle's writes, with their access rules: the authority's admins keep
 * the forums and cycles, its admins and supervisors record a cycle's reflections and
 * decisions; the authority's people and the operators' supervisors and admins record
 * improvement actions of their own organisation (the authority's for any). Every write
 * leaves a row in `partnership_events`.
 */
@Injectable()
export class PartnershipService {
  private readonly timeZone: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PartnershipRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.timeZone = config.AREA_TIMEZONE;
  }

  visibility(viewer: Principal): PartnershipVisibility {
    return { operatorId: viewer.organisationKind === 'authority' ? null : viewer.organisationId };
  }

  listForums(viewer: Principal): Promise<ForumView[]> {
    return this.repository.listForums(this.visibility(viewer));
  }

  listActions(viewer: Principal): Promise<ActionView[]> {
    return this.repository.listActions(this.visibility(viewer), this.clock.now());
  }

  async getAction(viewer: Principal, id: string): Promise<ActionView> {
    const found = await this.repository.findAction(id, this.visibility(viewer), this.clock.now());
    if (!found) throw new PartnershipNotFoundError('action');
    return found;
  }

  /** Whether the viewer may record improvement actions (of its own organisation). */
  canWriteActions(viewer: Principal): boolean {
    const kind = viewer.organisationKind === 'authority' ? 'authority' : 'operator';
    return WRITERS_OF_ACTIONS[kind].includes(viewer.role);
  }

  /** Whether the viewer may change this action: the authority's writers, or the owner's. */
  canChangeAction(viewer: Principal, action: { owner: { id: string } }): boolean {
    if (!this.canWriteActions(viewer)) return false;
    return viewer.organisationKind === 'authority' || action.owner.id === viewer.organisationId;
  }

  canKeepForums(viewer: Principal): boolean {
    return viewer.organisationKind === 'authority' && viewer.role === 'admin';
  }

  canRecordCycles(viewer: Principal): boolean {
    return viewer.organisationKind === 'authority' && ['admin', 'supervisor'].includes(viewer.role);
  }

  // ---- forums ----

  async createForum(viewer: Principal, input: CreateForumDto): Promise<ForumView> {
    this.require(this.canKeepForums(viewer), "Only the authority's admins keep the forums.");
    const problems: FieldError[] = [];
    const contractId = await this.contractIdOf(input.contract ?? null, 'contract', problems);
    if (problems.length) throw new PartnershipInputError(problems);
    const id = await this.write(
      viewer,
      'forum',
      'create',
      async (manager) => {
        const saved = await manager.save(
          manager.create(ForumEntity, {
            code: input.code,
            name: input.name.trim(),
            contractId,
            members: normaliseMembers(input.members ?? []),
          }),
        );
        return { id: saved.id, before: null, after: saved };
      },
      `A forum with the code ${input.code} exists already.`,
    );
    return this.forumView(viewer, id);
  }

  async updateForum(viewer: Principal, id: string, input: UpdateForumDto): Promise<ForumView> {
    this.require(this.canKeepForums(viewer), "Only the authority's admins keep the forums.");
    const problems: FieldError[] = [];
    const contractId =
      input.contract === undefined
        ? undefined
        : await this.contractIdOf(input.contract, 'contract', problems);
    if (problems.length) throw new PartnershipInputError(problems);
    await this.write(viewer, 'forum', 'update', async (manager) => {
      const before = await manager.findOneBy(ForumEntity, { id });
      if (!before) throw new PartnershipNotFoundError('forum');
      const after = { ...before };
      if (input.name !== undefined) after.name = input.name.trim();
      if (contractId !== undefined) after.contractId = contractId;
      if (input.members !== undefined) after.members = normaliseMembers(input.members);
      await manager.update(
        ForumEntity,
        { id },
        {
          name: after.name,
          contractId: after.contractId,
          members: after.members,
        },
      );
      return { id, before, after };
    });
    return this.forumView(viewer, id);
  }

  // ---- cycles ----

  async createCycle(viewer: Principal, input: CreateCycleDto): Promise<ForumView> {
    this.require(this.canKeepForums(viewer), "Only the authority's admins plan the cycles.");
    const problems: FieldError[] = [];
    const forum = await this.dataSource.manager.findOneBy(ForumEntity, { code: input.forum });
    if (!forum) problems.push({ field: 'forum', reason: 'is not a forum' });
    this.checkDates(input.startsOn, input.endsOn, problems);
    await this.checkTerms('focus-area', input.focusAreas, 'focusAreas', problems);
    if (problems.length || !forum) throw new PartnershipInputError(problems);
    await this.write(
      viewer,
      'cycle',
      'create',
      async (manager) => {
        const saved = await manager.save(
          manager.create(CycleEntity, {
            forumId: forum.id,
            code: input.code,
            startsOn: input.startsOn,
            endsOn: input.endsOn,
            focusAreas: unique(input.focusAreas),
            reflections: null,
            decisions: null,
            closedAt: null,
          }),
        );
        return { id: saved.id, before: null, after: saved };
      },
      `The forum has a cycle ${input.code} already.`,
    );
    return this.forumView(viewer, forum.id);
  }

  async updateCycle(viewer: Principal, id: string, input: UpdateCycleDto): Promise<ForumView> {
    this.require(this.canKeepForums(viewer), "Only the authority's admins plan the cycles.");
    const current = await this.dataSource.manager.findOneBy(CycleEntity, { id });
    if (!current) throw new PartnershipNotFoundError('cycle');
    const problems: FieldError[] = [];
    this.checkDates(input.startsOn ?? current.startsOn, input.endsOn ?? current.endsOn, problems);
    if (input.focusAreas)
      await this.checkTerms('focus-area', input.focusAreas, 'focusAreas', problems);
    if (problems.length) throw new PartnershipInputError(problems);
    await this.write(
      viewer,
      'cycle',
      'update',
      async (manager) => {
        const before = await manager.findOneByOrFail(CycleEntity, { id });
        const changes = {
          code: input.code ?? before.code,
          startsOn: input.startsOn ?? before.startsOn,
          endsOn: input.endsOn ?? before.endsOn,
          focusAreas: input.focusAreas ? unique(input.focusAreas) : before.focusAreas,
        };
        await manager.update(CycleEntity, { id }, changes);
        return { id, before, after: { ...before, ...changes } };
      },
      `The forum has a cycle ${input.code ?? ''} already.`,
    );
    return this.forumView(viewer, current.forumId);
  }

  /** The forum's reflections and decisions of a cycle, and closing (or reopening) it. */
  async recordCycle(viewer: Principal, id: string, input: RecordCycleDto): Promise<ForumView> {
    this.require(
      this.canRecordCycles(viewer),
      "Only the authority's admins and supervisors record a cycle.",
    );
    const current = await this.dataSource.manager.findOneBy(CycleEntity, { id });
    if (!current) throw new PartnershipNotFoundError('cycle');
    const now = this.clock.now();
    await this.write(viewer, 'cycle', input.close ? 'close' : 'record', async (manager) => {
      const before = await manager.findOneByOrFail(CycleEntity, { id });
      const text = (value: string | null | undefined, was: string | null) =>
        value === undefined ? was : value === null || value.trim() === '' ? null : value.trim();
      const changes = {
        reflections: text(input.reflections, before.reflections),
        decisions: text(input.decisions, before.decisions),
        closedAt:
          input.close === undefined
            ? before.closedAt
            : input.close
              ? (before.closedAt ?? now)
              : null,
      };
      await manager.update(CycleEntity, { id }, changes);
      return { id, before, after: { ...before, ...changes } };
    });
    return this.forumView(viewer, current.forumId);
  }

  // ---- actions ----

  async createAction(viewer: Principal, input: CreateActionDto): Promise<ActionView> {
    this.require(
      this.canWriteActions(viewer),
      "Your role does not allow recording actions (an operator's supervisors and admins may).",
    );
    const problems: FieldError[] = [];
    const ownerId = await this.ownerIdOf(viewer, input.owner, problems);
    const contractIds = await this.actionContracts(viewer, input.contracts ?? [], problems);
    await this.checkActionTags(input.rootCauses, input.focusAreas, problems);
    this.checkActionDates(input.decidedOn, input.dueOn ?? null, problems);
    const cycleId = await this.cycleIdOf(input.cycle ?? null, problems);
    if (problems.length) throw new PartnershipInputError(problems);
    const now = this.clock.now();
    const status = input.status ?? 'planned';
    const id = await this.write(viewer, 'action', 'create', async (manager) => {
      const saved = await manager.save(
        manager.create(ImprovementActionEntity, {
          title: input.title.trim(),
          description: blankToNull(input.description),
          rootCauses: unique(input.rootCauses),
          focusAreas: unique(input.focusAreas),
          contractIds,
          ownerOrganisationId: ownerId as string,
          decidedOn: input.decidedOn,
          dueOn: input.dueOn ?? null,
          status,
          completedAt: status === 'done' ? now : null,
          cycleId,
          createdBy: viewer.userId,
        }),
      );
      return { id: saved.id, before: null, after: saved };
    });
    return this.getAction(viewer, id);
  }

  async updateAction(viewer: Principal, id: string, input: UpdateActionDto): Promise<ActionView> {
    const current = await this.getAction(viewer, id);
    this.require(
      this.canChangeAction(viewer, current),
      "Only the authority or the action's owner (its supervisors and admins) may change it.",
    );
    const problems: FieldError[] = [];
    const ownerId =
      input.owner === undefined
        ? current.owner.id
        : await this.ownerIdOf(viewer, input.owner, problems);
    const contractIds =
      input.contracts === undefined
        ? undefined
        : await this.actionContracts(viewer, input.contracts, problems);
    await this.checkActionTags(
      input.rootCauses ?? current.rootCauses,
      input.focusAreas ?? current.focusAreas,
      problems,
    );
    const decidedOn = input.decidedOn ?? current.decidedOn;
    const dueOn = input.dueOn === undefined ? current.dueOn : input.dueOn;
    this.checkActionDates(decidedOn, dueOn, problems);
    const cycleId =
      input.cycle === undefined ? undefined : await this.cycleIdOf(input.cycle, problems);
    if (problems.length) throw new PartnershipInputError(problems);
    const now = this.clock.now();
    await this.write(
      viewer,
      'action',
      input.status && input.status !== current.status ? 'status' : 'update',
      async (manager) => {
        const before = await manager.findOneByOrFail(ImprovementActionEntity, { id });
        const status = input.status ?? before.status;
        const changes: Partial<ImprovementActionEntity> = {
          title: input.title === undefined ? before.title : input.title.trim(),
          description:
            input.description === undefined ? before.description : blankToNull(input.description),
          rootCauses: input.rootCauses ? unique(input.rootCauses) : before.rootCauses,
          focusAreas: input.focusAreas ? unique(input.focusAreas) : before.focusAreas,
          contractIds: contractIds ?? before.contractIds,
          ownerOrganisationId: ownerId ?? before.ownerOrganisationId,
          decidedOn,
          dueOn,
          status,
          completedAt:
            status === 'done' ? (before.status === 'done' ? before.completedAt : now) : null,
          cycleId: cycleId === undefined ? before.cycleId : cycleId,
        };
        await manager.update(ImprovementActionEntity, { id }, changes);
        return { id, before, after: { ...before, ...changes } };
      },
    );
    return this.getAction(viewer, id);
  }

  // ---- helpers ----

  private require(allowed: boolean, message: string): void {
    if (!allowed) throw new PartnershipForbiddenError(message);
  }

  private async forumView(viewer: Principal, id: string): Promise<ForumView> {
    const forums = await this.repository.listForums(this.visibility(viewer));
    const forum = forums.find((candidate) => candidate.id === id);
    if (!forum) throw new PartnershipNotFoundError('forum');
    return forum;
  }

  /** Runs a change and its audit row in one transaction; a duplicate code is a conflict. */
  private async write(
    viewer: Principal,
    entity: PartnershipEntityKind,
    what: string,
    change: (manager: EntityManager) => Promise<{ id: string; before: unknown; after: unknown }>,
    duplicate = 'That code is taken already.',
  ): Promise<string> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { id, before, after } = await change(manager);
        await recordPartnershipEvent(manager, {
          actorUserId: viewer.userId,
          what,
          entity,
          entityId: id,
          before,
          after,
          at: this.clock.now(),
        });
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new PartnershipConflictError(duplicate);
      throw error;
    }
  }

  private async contractIdOf(
    code: string | null,
    field: string,
    problems: FieldError[],
  ): Promise<string | null> {
    if (code === null) return null;
    const [row] = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM contracts WHERE code = $1',
      [code],
    );
    if (!row) problems.push({ field, reason: `"${code}" is not a contract of the area` });
    return row?.id ?? null;
  }

  /** The action's contracts by code: an operator may name only its own (none: all of its own). */
  private async actionContracts(
    viewer: Principal,
    codes: string[],
    problems: FieldError[],
  ): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string; code: string; operator_id: string }[]>(
      'SELECT id, code, operator_id FROM contracts ORDER BY code',
    );
    const operator = viewer.organisationKind === 'authority' ? null : viewer.organisationId;
    if (codes.length === 0)
      return operator
        ? rows.filter((row) => row.operator_id === operator).map((row) => row.id)
        : [];
    const ids: string[] = [];
    codes.forEach((code, index) => {
      const row = rows.find((candidate) => candidate.code === code);
      if (!row)
        problems.push({
          field: `contracts.${index}`,
          reason: `"${code}" is not a contract of the area`,
        });
      else if (operator && row.operator_id !== operator)
        problems.push({
          field: `contracts.${index}`,
          reason: `"${code}" is not a contract of yours`,
        });
      else if (!ids.includes(row.id)) ids.push(row.id);
    });
    return ids;
  }

  private async ownerIdOf(
    viewer: Principal,
    code: string | undefined,
    problems: FieldError[],
  ): Promise<string | undefined> {
    if (code === undefined) return viewer.organisationId;
    const [row] = await this.dataSource.query<{ id: string }[]>(
      'SELECT id FROM organisations WHERE code = $1',
      [code],
    );
    if (!row) {
      problems.push({ field: 'owner', reason: `"${code}" is not an organisation of the area` });
      return undefined;
    }
    if (viewer.organisationKind !== 'authority' && row.id !== viewer.organisationId)
      throw new PartnershipForbiddenError(
        'An operator records actions of its own organisation only.',
      );
    return row.id;
  }

  private async cycleIdOf(id: string | null, problems: FieldError[]): Promise<string | null> {
    if (id === null) return null;
    const found = await this.dataSource.manager.findOneBy(CycleEntity, { id });
    if (!found) problems.push({ field: 'cycle', reason: 'is not a cycle' });
    return found?.id ?? null;
  }

  private async checkTerms(
    kind: 'focus-area' | 'root-cause',
    codes: string[],
    field: string,
    problems: FieldError[],
  ): Promise<void> {
    const known = new Set(
      (
        await this.dataSource.query<{ code: string }[]>(
          'SELECT code FROM taxonomy_terms WHERE kind = $1',
          [kind],
        )
      ).map((row) => row.code),
    );
    codes.forEach((code, index) => {
      if (!known.has(code))
        problems.push({
          field: `${field}.${index}`,
          reason: `"${code}" is not a ${kind === 'focus-area' ? 'focus area' : 'root cause'} of the area file`,
        });
    });
  }

  private async checkActionTags(
    rootCauses: string[],
    focusAreas: string[],
    problems: FieldError[],
  ): Promise<void> {
    await this.checkTerms('root-cause', rootCauses, 'rootCauses', problems);
    await this.checkTerms('focus-area', focusAreas, 'focusAreas', problems);
    if (rootCauses.length === 0 && focusAreas.length === 0)
      problems.push({
        field: 'focusAreas',
        reason: 'name at least one focus area or root cause: the effect is measured on them',
      });
  }

  private checkDates(startsOn: string, endsOn: string, problems: FieldError[]): void {
    if (startsOn > endsOn)
      problems.push({ field: 'endsOn', reason: 'must not be before startsOn' });
  }

  private checkActionDates(decidedOn: string, dueOn: string | null, problems: FieldError[]): void {
    const today = wallClockAt(this.clock.now().getTime(), this.timeZone).dayNo;
    const decided = parseIsoDate(decidedOn) as number;
    if (decidedOn < EARLIEST_DATE)
      problems.push({ field: 'decidedOn', reason: `must not be before ${EARLIEST_DATE}` });
    else if (decided > today + 366)
      problems.push({ field: 'decidedOn', reason: 'must not be more than a year ahead' });
    if (dueOn !== null && dueOn < decidedOn)
      problems.push({ field: 'dueOn', reason: 'must not be before decidedOn' });
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}

function normaliseMembers(members: string[]): string[] {
  return unique(members.map((member) => member.trim().toLowerCase()));
}
