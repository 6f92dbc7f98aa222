import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { Language, ReplyChannel } from '../cases/case.model';
import { clockState } from '../deadlines/clock-planner';
import type { ClockKind, ClockState } from '../deadlines/clock.model';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { CLOCK } from '../infra/clock/clock';
import type { Clock } from '../infra/clock/clock';
import { caseAccessOf } from './case-access';
import { CaseUnavailableError } from './case-actions.errors';
import { CaseWorkRepository } from './case-work.repository';
import type {
  AuditEntry,
  CaseHead,
  CaseReport,
  MergeLink,
  NoteEntry,
  SavedReply,
  Taxonomy,
  ThreadEntry,
  TransferSummary,
} from './case-work.repository';

export interface ClockView {
  kind: ClockKind;
  dueAt: Date | null;
  metAt: Date | null;
  state: ClockState;
}

/** A case as a viewer with full access sees it: the traveller and everything done since. */
export interface FullCaseView {
  access: 'full';
  head: CaseHead;
  report: CaseReport;
  contact: { name: string | null; email: string | null; phone: string | null };
  language: Language;
  replyChannel: ReplyChannel;
  thread: ThreadEntry[];
  /** The viewer's own organisation's notes, and those a partner shared. */
  notes: NoteEntry[];
  /** What the case can be tagged with. */
  taxonomy: Taxonomy;
  merges: { into: MergeLink | null; from: MergeLink[] };
  /** The viewer's organisation's saved replies in the traveller's language. */
  savedReplies: SavedReply[];
  clocks: ClockView[];
  events: AuditEntry[];
  /** Whom a supervisor may assign it to; empty for others. */
  colleagues: { id: string; name: string }[];
  categories: { code: string; labelSv: string; labelEn: string }[];
  readOnly: boolean;
}

/** All an organisation that handed the case on may see of it. */
export interface TransferredCaseView {
  access: 'transferred';
  reference: string;
  transfer: TransferSummary | null;
}

export type CaseView = FullCaseView | TransferredCaseView;

const CLOCK_ORDER: readonly ClockKind[] = [
  'first-response',
  'resolution',
  'legal-reply',
  'legal-final',
];

/** The case page's read: what the viewer may see of one case, decided by the access module. */
@Injectable()
export class CasePageService {
  constructor(
    private readonly work: CaseWorkRepository,
    private readonly deadlines: DeadlinesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async view(viewer: Principal, reference: string): Promise<CaseView> {
    const head = await this.work.findHead(reference);
    const access = head ? caseAccessOf(viewer, head, head.transferredFrom) : null;
    if (!head || !access) throw new CaseUnavailableError();
    if (access === 'transferred')
      return {
        access,
        reference: head.reference,
        transfer: await this.work.findTransferFrom(head.id, viewer.organisationId),
      };
    const supervises = viewer.role === 'supervisor' || viewer.role === 'admin';
    const [report, thread, notes, clocks, events, colleagues, categories, taxonomy, merges, saved] =
      await Promise.all([
        this.work.findReport(head.id),
        this.work.findThread(head.id),
        this.work.findNotes(head.id, viewer.organisationId),
        this.deadlines.findClocks(head.id),
        this.work.findEvents(head.id),
        supervises ? this.work.findColleagues(viewer.organisationId) : Promise.resolve([]),
        this.work.findCategories(),
        this.work.findTaxonomy(),
        this.work.findMerges(head.id, head.mergedIntoCaseId),
        this.work.findSavedReplies(viewer.organisationId, head.language),
      ]);
    const now = this.clock.now();
    return {
      access,
      head,
      report,
      contact: { name: report.contactName, email: head.contactEmail, phone: head.contactPhone },
      language: head.language,
      replyChannel: head.replyChannel,
      thread,
      notes,
      clocks: clocks
        .sort((a, b) => CLOCK_ORDER.indexOf(a.kind) - CLOCK_ORDER.indexOf(b.kind))
        .map((clock) => ({
          kind: clock.kind,
          dueAt: clock.dueAt,
          metAt: clock.metAt,
          state: clockState(clock, now),
        })),
      events,
      colleagues,
      categories,
      taxonomy,
      merges,
      savedReplies: saved.map((reply) => ({
        ...reply,
        // The one placeholder a saved reply may hold (the area file is checked for others).
        text: reply.text.replace(/\{\{\s*reference\s*\}\}/g, head.reference),
      })),
      readOnly: viewer.role === 'forum',
    };
  }
}
