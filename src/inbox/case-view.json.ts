import type { CaseView } from './case-page.service';

/** The case page's content for the JSON API: plain values, no internal ids of the case. */
export type CaseViewJson =
  | {
      access: 'transferred';
      reference: string;
      transferredAt: Date | null;
      transferredTo: { code: string; name: string } | null;
      reason: string | null;
    }
  | {
      access: 'full';
      reference: string;
      status: string;
      assignedUserId: string | null;
      outcome: string | null;
      tags: { promises: string[]; focusAreas: string[]; rootCauses: string[] };
      mergedInto: string | null;
      merged: string[];
      report: Record<string, unknown>;
      contact: { name: string | null; email: string | null; phone: string | null };
      language: string;
      replyChannel: string;
      thread: unknown[];
      notes: unknown[];
      clocks: unknown[];
      events: unknown[];
    };

export function caseViewJson(view: CaseView): CaseViewJson {
  if (view.access === 'transferred')
    return {
      access: 'transferred',
      reference: view.reference,
      transferredAt: view.transfer?.at ?? null,
      transferredTo: view.transfer?.to ?? null,
      reason: view.transfer?.reason ?? null,
    };
  const { contactName: _name, ...report } = view.report;
  return {
    access: 'full',
    reference: view.head.reference,
    status: view.head.status,
    assignedUserId: view.head.assignedUserId,
    outcome: view.head.outcome,
    tags: {
      promises: view.head.promises,
      focusAreas: view.head.focusAreas,
      rootCauses: view.head.rootCauses,
    },
    mergedInto: view.merges.into?.reference ?? null,
    merged: view.merges.from.map((link) => link.reference),
    report,
    contact: view.contact,
    language: view.language,
    replyChannel: view.replyChannel,
    thread: view.thread,
    notes: view.notes,
    clocks: view.clocks,
    events: view.events,
  };
}
