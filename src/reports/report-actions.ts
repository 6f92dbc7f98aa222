import { Injectable } from '@nestjs/common';
import { PartnershipRepository } from '../partnership/partnership.repository';
import type { ActionView } from '../partnership/partnership.repository';
import type { ActionSummary } from './report.builder';
import type { ActionScope, ActionSource } from './reports.service';

/** The improvement actions a report lists, read through the partnership module. */
@Injectable()
export class ReportActions implements ActionSource {
  constructor(private readonly partnership: PartnershipRepository) {}

  async summaries(scope: ActionScope, at: Date): Promise<ActionSummary[]> {
    return (await this.partnership.openActions(scope, at)).map(summaryOf);
  }

  async forCycle(cycleId: string, scope: ActionScope, at: Date): Promise<ActionSummary[]> {
    const visibility = { operatorId: scope.organisationId ?? null };
    return (await this.partnership.cycleActions(cycleId, visibility, at)).map(summaryOf);
  }
}

function summaryOf(action: ActionView): ActionSummary {
  return {
    title: action.title,
    owner: action.owner.name,
    status: action.status,
    dueOn: action.dueOn,
    focusAreas: action.focusAreas,
    rootCauses: action.rootCauses,
    // The effect's ratio (after ÷ before) as a change: −0.25 is a quarter fewer.
    change: action.effect.change === null ? null : action.effect.change - 1,
  };
}
