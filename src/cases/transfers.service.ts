import type { Principal } from '../auth/principal';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { DirectoryRepository } from '../directory/directory.repository';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { ConflictError, InvalidInputError } from '../infra/errors/app-error';
import { RoutingService } from '../routing/routing.service';
import { CaseTransferEntity, TransferReason } from './case-transfer.entity';
import { CaseEntity } from './case.entity';
import { CaseNotFoundError } from './cases.errors';
import { CasesRepository } from './cases.repository';

export interface TransferRequest {
  reason: TransferReason;
  note?: string;
  /** Name the receiving organisation by code; without it the router decides again. */
  toOrganisationCode?: string;
  actor: string;
}

export interface TransferResult {
  transfer: CaseTransferEntity;
  case: CaseEntity;
}

export interface MisrouteCount {
  contractCode: string | null;
  month: string;
  transfers: number;
}

/**
 * Hands a case on as "not ours". Either the router decides again without the parties
 * that already gave it back, or the handler names the receiver. Each transfer is an
 * audit event and a row the partnership counts as a misroute of the contract it left.
 */
@Injectable()
export class TransfersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly directory: DirectoryRepository,
    private readonly routing: RoutingService,
    private readonly deadlines: DeadlinesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async transfer(reference: string, request: TransferRequest): Promise<TransferResult> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager
        .getRepository(CaseEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.reference = :reference', { reference })
        .getOne();
      if (!found) throw new CaseNotFoundError(reference);
      if (found.status === 'closed' || found.status === 'resolved')
        throw new ConflictError(
          'cases.transfer-closed',
          'A resolved or closed case cannot be transferred; reopen it first.',
        );

      const earlier = await manager.getRepository(CaseTransferEntity).findBy({ caseId: found.id });
      const excluded = new Set(
        earlier.map((t) => t.fromOrganisationId).filter((id): id is string => id !== null),
      );
      if (found.responsibleOrganisationId) excluded.add(found.responsibleOrganisationId);

      const target = request.toOrganisationCode
        ? await this.namedTarget(found, request.toOrganisationCode)
        : this.reroutedTarget(found, [...excluded]);

      const before = {
        responsibleOrganisationId: found.responsibleOrganisationId,
        contractId: found.contractId,
        triage: found.triage,
      };
      const transfer = await manager.getRepository(CaseTransferEntity).save({
        caseId: found.id,
        fromOrganisationId: found.responsibleOrganisationId,
        fromContractId: found.contractId,
        toOrganisationId: target.organisationId,
        toContractId: target.contractId,
        reason: request.reason,
        note: request.note ?? null,
        method: request.toOrganisationCode ? 'named' : 'reroute',
        actor: request.actor,
        at: this.clock.now(),
      });
      Object.assign(found, {
        responsibleOrganisationId: target.organisationId,
        contractId: target.contractId,
        triage: target.triage,
        routingReasons: target.reasons,
        routingConfidence: target.confidence,
      });
      await manager.getRepository(CaseEntity).save(found);
      await this.cases.recordEvent(manager, found.id, request.actor, 'transferred', {
        reason: request.reason,
        note: request.note ?? null,
        method: transfer.method,
        before,
        after: {
          responsibleOrganisationId: target.organisationId,
          contractId: target.contractId,
          triage: target.triage,
        },
      });
      // The receiving party's office hours and targets now apply; the law's clock runs on.
      await this.deadlines.recompute(manager, found.id);
      return { transfer, case: found };
    });
  }

  private async namedTarget(found: CaseEntity, code: string) {
    const organisation = await this.directory.findOrganisationByCode(code);
    if (!organisation)
      throw new InvalidInputError(
        'cases.transfer-unknown-party',
        'No organisation has that code.',
        [{ field: 'to', reason: `${code} is not an organisation of this area` }],
      );
    if (organisation.id === found.responsibleOrganisationId)
      throw new InvalidInputError(
        'cases.transfer-to-self',
        'The case is already with that organisation.',
        [{ field: 'to', reason: 'is the organisation responsible now' }],
      );
    // Keep a contract only when the router, for this case, finds one run by the receiver.
    const decision = this.routing.decide(this.routingRequestOf(found, []));
    const contractId =
      decision?.contract && decision.contract.id && decision.responsible.id === organisation.id
        ? decision.contract.id
        : null;
    return {
      organisationId: organisation.id,
      contractId,
      triage: false,
      confidence: 'high' as const,
      reasons: [`transferred by hand to ${organisation.name}`],
    };
  }

  private reroutedTarget(found: CaseEntity, excluded: string[]) {
    const decision = this.routing.decide(this.routingRequestOf(found, excluded));
    if (!decision)
      throw new ConflictError(
        'cases.transfer-no-directory',
        'No area directory is loaded, so the case cannot be routed again.',
      );
    return {
      organisationId: decision.responsible.id,
      contractId: decision.contract?.id ?? null,
      triage: decision.triage,
      confidence: decision.confidence,
      reasons: decision.reasons,
    };
  }

  private routingRequestOf(found: CaseEntity, excluded: string[]) {
    return {
      line: found.lineText ?? undefined,
      stop: found.stopText ?? undefined,
      mode: found.mode ?? undefined,
      category: found.category ?? undefined,
      occurredAt: found.occurredAt ?? undefined,
      receivedAt: found.createdAt,
      excludeOrganisationIds: excluded,
    };
  }

  /**
   * Transfers away from each contract per month: the misroutes the forums watch. An
   * operator (or another organisation) counts only the contracts it runs; the authority all.
   */
  async misrouteCounts(
    fromMonth: string,
    toMonth: string,
    viewer: Pick<Principal, 'organisationId' | 'organisationKind'> | null = null,
  ): Promise<MisrouteCount[]> {
    const operatorId =
      viewer && viewer.organisationKind !== 'authority' ? viewer.organisationId : null;
    const rows = await this.dataSource.query<
      { contract_code: string | null; month: string; transfers: string }[]
    >(
      `SELECT c.code AS contract_code, to_char(date_trunc('month', t.at AT TIME ZONE a.time_zone), 'YYYY-MM') AS month,
              count(*)::text AS transfers
         FROM case_transfers t
         CROSS JOIN area_settings a
         LEFT JOIN contracts c ON c.id = t.from_contract_id
        WHERE to_char(t.at AT TIME ZONE a.time_zone, 'YYYY-MM') BETWEEN $1 AND $2
          AND ($3::uuid IS NULL OR c.operator_id = $3::uuid)
        GROUP BY 1, 2 ORDER BY 2, 1`,
      [fromMonth, toMonth, operatorId],
    );
    return rows.map((row) => ({
      contractCode: row.contract_code,
      month: row.month,
      transfers: Number(row.transfers),
    }));
  }
}
