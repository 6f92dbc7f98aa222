import { route, RoutingIndex } from './router';
import type {
  ContractInfo,
  ContractScope,
  OrganisationRef,
  RouteInfo,
  RouteOperator,
  RoutingIndexData,
  RoutingRequest,
  ServiceCalendar,
} from './routing.model';

// ---- builders: a small Uppsala-like feed; each test overrides what it is about ----

const AUTHORITY: OrganisationRef = {
  id: 'org-ul',
  code: 'UL',
  name: 'Kollektivtrafikförvaltningen UL',
};
const GUB: OrganisationRef = { id: 'org-gub', code: 'GUB', name: 'Gamla Uppsala Buss AB' };
const TRANSDEV: OrganisationRef = { id: 'org-td', code: 'TD', name: 'Transdev Sverige AB' };
const KOMMUN: OrganisationRef = {
  id: 'org-kommun',
  code: 'UPPSALA-KOMMUN',
  name: 'Uppsala kommun',
};

const ROUTE_4 = '9011003000400000';
const ROUTE_801 = '9011003080100000';
const ROUTE_12_UL = '9011003001200000';
const ROUTE_12_SL = '9011001001200000';
const ROUTE_5 = '9011003000500000';
const ROUTE_UPPTAGET = '9011003004200000';
const ROUTE_SL_TAG = '9011001004000000';

function routeInfo(overrides: Partial<RouteInfo> & Pick<RouteInfo, 'routeId'>): RouteInfo {
  return {
    agencyId: 'ul',
    agencyName: 'Kollektivtrafikförvaltningen UL',
    shortName: '',
    longName: '',
    type: 700,
    description: '',
    ...overrides,
  };
}

function service(overrides: Partial<ServiceCalendar> & Pick<ServiceCalendar, 'serviceId'>) {
  const calendar: ServiceCalendar = {
    weekdays: [true, true, true, true, true, true, true],
    startDate: '2024-01-01',
    endDate: '2025-12-31',
    added: [],
    removed: [],
    ...overrides,
  };
  return calendar;
}

function operator(routeId: string, operatorName: string, serviceIds: string[]): RouteOperator {
  return { routeId, operatorName, serviceIds };
}

function contract(
  overrides: Partial<Omit<ContractInfo, 'scope'>> & {
    code: string;
    scope?: Partial<ContractScope>;
  },
): ContractInfo {
  const { scope, ...rest } = overrides;
  return {
    id: `contract-${overrides.code}`,
    name: overrides.code,
    operator: GUB,
    validFrom: '2019-06-15',
    validTo: '2029-06-14',
    mode: 'bus',
    regime: 'bus',
    responsibility: { default: GUB.code, rules: {} },
    ...rest,
    scope: { agencies: [], routes: [], lines: [], operatorNames: [], ...scope },
  };
}

/** Weekdays GUB and weekends Transdev on 801; Christmas Eve (a Tuesday) Transdev runs the weekend timetable. */
function uppsalaData(overrides: Partial<RoutingIndexData> = {}): RoutingIndexData {
  return {
    timeZone: 'Europe/Stockholm',
    authority: AUTHORITY,
    organisations: [AUTHORITY, GUB, TRANSDEV, KOMMUN],
    categories: [],
    lineAliases: { 'röd linje': ['4'], upptåget: ['42'] },
    withoutContract: {},
    routes: [
      routeInfo({ routeId: ROUTE_4, shortName: '4', longName: 'Gottsunda–Centrum' }),
      routeInfo({ routeId: ROUTE_801, shortName: '801', longName: 'Uppsala–Arlanda' }),
      routeInfo({ routeId: ROUTE_12_UL, shortName: '12', longName: 'Flogsta–Centrum' }),
      routeInfo({
        routeId: ROUTE_12_SL,
        shortName: '12',
        agencyId: 'sl',
        agencyName: 'SL',
        type: 900,
      }),
      routeInfo({ routeId: ROUTE_5, shortName: '5' }),
      routeInfo({ routeId: ROUTE_UPPTAGET, shortName: '42', longName: 'Upptåget', type: 2 }),
      routeInfo({
        routeId: ROUTE_SL_TAG,
        shortName: 'SL-tåg',
        agencyId: 'sl',
        agencyName: 'SL',
        type: 100,
      }),
    ],
    routeOperators: [
      operator(ROUTE_4, GUB.name, ['ALL']),
      operator(ROUTE_801, GUB.name, ['WEEKDAY']),
      operator(ROUTE_801, TRANSDEV.name, ['WEEKEND']),
      operator(ROUTE_12_UL, GUB.name, ['ALL']),
      operator(ROUTE_12_SL, TRANSDEV.name, ['ALL']),
      operator(ROUTE_5, GUB.name, ['ALL']),
    ],
    services: [
      service({ serviceId: 'ALL' }),
      service({
        serviceId: 'WEEKDAY',
        weekdays: [true, true, true, true, true, false, false],
        removed: ['2024-12-24'],
      }),
      service({
        serviceId: 'WEEKEND',
        weekdays: [false, false, false, false, false, true, true],
        added: ['2024-12-24', '2024-12-23'],
      }),
    ],
    stops: [
      { stopId: '9021003700218000', name: 'Flogsta', routeIds: [ROUTE_12_UL] },
      { stopId: '9021001001001000', name: 'Slussen', routeIds: [ROUTE_12_SL] },
    ],
    contracts: [
      contract({
        code: 'UL-STAD',
        name: 'Stadstrafik Uppsala',
        scope: { agencies: ['ul'], lines: ['4', '12'] },
        responsibility: {
          default: GUB.code,
          rules: { 'fares-tickets': AUTHORITY.code, 'stops-shelters': KOMMUN.code },
        },
      }),
      contract({
        code: 'UL-801-GUB',
        scope: { lines: ['801'], operatorNames: [GUB.name] },
      }),
      contract({
        code: 'UL-801-TD',
        operator: TRANSDEV,
        responsibility: { default: TRANSDEV.code, rules: {} },
        scope: { lines: ['801'], operatorNames: [TRANSDEV.name] },
      }),
      contract({
        code: 'SL-SPÅR',
        operator: TRANSDEV,
        responsibility: { default: TRANSDEV.code, rules: {} },
        scope: { agencies: ['sl'] },
      }),
      contract({
        code: 'UPPTÅGET',
        validFrom: '2019-01-01',
        validTo: '2023-12-31',
        scope: { routes: [ROUTE_UPPTAGET] },
      }),
    ],
    ...overrides,
  };
}

/** A Tuesday morning in Uppsala, reported an hour later. */
function request(overrides: Partial<RoutingRequest> = {}): RoutingRequest {
  return {
    occurredAt: new Date('2024-10-01T08:15:00+02:00'),
    receivedAt: new Date('2024-10-01T09:30:00+02:00'),
    ...overrides,
  };
}

const uppsala = RoutingIndex.build(uppsalaData());

describe(route.name, () => {
  describe('reading the line', () => {
    it.each([
      '4',
      'linje 4',
      'line 4',
      'buss 4',
      'bussen 4',
      'busslinje 4',
      '4:an',
      '4an',
      'nr 4',
      '#4',
      'Linje 4:an',
      'L4',
      'Röd linje',
      'gottsunda–centrum',
    ])('finds route 4 from %j', (line) => {
      const decision = route(uppsala, request({ line }));
      expect(decision.route).toEqual({ routeId: ROUTE_4, shortName: '4' });
      expect(decision.contract?.code).toBe('UL-STAD');
    });

    it.each([
      ['801:an', ROUTE_801],
      ['SL-tåg', ROUTE_SL_TAG],
      ['Upptåget', ROUTE_UPPTAGET],
      ['tåget 42', ROUTE_UPPTAGET],
    ])('finds %j as route %s', (line, routeId) => {
      expect(route(uppsala, request({ line })).route?.routeId).toBe(routeId);
    });

    it('sends a mode the route does not run in to triage instead of guessing', () => {
      const decision = route(uppsala, request({ line: 'tåg 4' }));
      expect(decision).toMatchObject({ triage: true, route: null, responsible: AUTHORITY });
      expect(decision.reasons).toContain(
        `mode rail rules out route ${ROUTE_4} (4, agency Kollektivtrafikförvaltningen UL)`,
      );
    });

    it('never matches routes by an empty name, even when the feed leaves names empty', () => {
      const index = RoutingIndex.build(
        uppsalaData({ routes: [routeInfo({ routeId: 'nameless', shortName: '', longName: '' })] }),
      );
      const decision = route(index, request({ line: '?!' }));
      expect(decision).toMatchObject({ triage: true, route: null });
      expect(decision.reasons).toContain('line "?!" matches no route in the feed');
    });
  });

  describe('the reasons', () => {
    it('explain a typical decision step by step', () => {
      const decision = route(uppsala, request({ line: 'linje 4', category: 'staff-treatment' }));
      expect(decision).toEqual({
        contract: { id: 'contract-UL-STAD', code: 'UL-STAD', name: 'Stadstrafik Uppsala' },
        responsible: GUB,
        triage: false,
        confidence: 'high',
        candidates: [],
        route: { routeId: ROUTE_4, shortName: '4' },
        reasons: [
          'event date 2024-10-01 (when it happened)',
          `line "linje 4" → route ${ROUTE_4} (4, agency Kollektivtrafikförvaltningen UL)`,
          'route runs on 2024-10-01 by Gamla Uppsala Buss AB',
          '→ contract UL-STAD (Stadstrafik Uppsala), valid 2019-06-15..2029-06-14',
          'category staff-treatment → operator Gamla Uppsala Buss AB',
        ],
      });
    });

    it('are the same for the same request: the router is deterministic', () => {
      const ask = request({ line: '801', occurredAt: new Date('2024-12-23T12:00:00+01:00') });
      expect(route(uppsala, ask)).toEqual(route(uppsala, ask));
    });
  });

  describe('when a line changes contract', () => {
    const changing = RoutingIndex.build(
      uppsalaData({
        contracts: [
          contract({ code: 'A', validTo: '2024-06-14', scope: { lines: ['4'] } }),
          contract({
            code: 'B',
            validFrom: '2024-06-15',
            validTo: null,
            operator: TRANSDEV,
            scope: { lines: ['4'] },
          }),
        ],
      }),
    );
    const onDay = (occurredAt: string, receivedAt = occurredAt) =>
      route(changing, {
        line: '4',
        occurredAt: new Date(occurredAt),
        receivedAt: new Date(receivedAt),
      });

    it('gives the last day of the old contract to the old contract', () => {
      expect(onDay('2024-06-14T23:30:00+02:00').contract?.code).toBe('A');
    });

    it('gives the first day of the new contract to the new one, by the local date (00:30 is still UTC 06-14)', () => {
      const decision = onDay('2024-06-14T22:30:00Z');
      expect(decision.contract?.code).toBe('B');
      expect(decision.reasons).toContain('→ contract B (B), valid from 2024-06-15');
    });

    it('decides a case reported after the change by when it happened', () => {
      const decision = onDay('2024-06-14T08:00:00+02:00', '2024-06-20T10:00:00+02:00');
      expect(decision.contract?.code).toBe('A');
      expect(decision.reasons[0]).toBe('event date 2024-06-14 (when it happened)');
    });

    it('falls back to the day it was reported when the time of the event is unknown', () => {
      const decision = route(changing, {
        line: '4',
        receivedAt: new Date('2024-06-20T10:00:00+02:00'),
      });
      expect(decision.contract?.code).toBe('B');
      expect(decision.reasons[0]).toBe(
        'event date 2024-06-20 (when it was reported; no time of the event given)',
      );
    });
  });

  describe('a line run by two operators under two contracts', () => {
    const on = (isoDate: string) =>
      route(uppsala, request({ line: '801', occurredAt: new Date(`${isoDate}T12:00:00+01:00`) }));

    it('goes to the operator whose timetable runs that weekday, with medium confidence', () => {
      const tuesday = on('2024-10-01');
      expect(tuesday).toMatchObject({ triage: false, confidence: 'medium', responsible: GUB });
      expect(tuesday.contract?.code).toBe('UL-801-GUB');
      const saturday = on('2024-10-05');
      expect(saturday).toMatchObject({
        triage: false,
        confidence: 'medium',
        responsible: TRANSDEV,
      });
      expect(saturday.contract?.code).toBe('UL-801-TD');
    });

    it('follows calendar_dates: a removed weekday and an added weekend day on Christmas Eve', () => {
      const christmasEve = on('2024-12-24');
      expect(christmasEve.contract?.code).toBe('UL-801-TD');
      expect(christmasEve.reasons).toContain('route runs on 2024-12-24 by Transdev Sverige AB');
    });

    it('sends the case to triage naming both when both operators run that day', () => {
      const decision = on('2024-12-23');
      expect(decision).toMatchObject({ triage: true, contract: null, confidence: 'low' });
      expect(decision.route?.routeId).toBe(ROUTE_801);
      expect(decision.candidates.map((c) => c.code)).toEqual(['UL-801-GUB', 'UL-801-TD']);
      expect(decision.reasons).toContain(
        '2 contracts fit: UL-801-GUB (UL-801-GUB), UL-801-TD (UL-801-TD)',
      );
    });

    it('considers every operator when no trip runs that day, and then cannot tell them apart', () => {
      const decision = on('2026-03-03');
      expect(decision.triage).toBe(true);
      expect(decision.candidates).toHaveLength(2);
      expect(decision.reasons).toContain(
        'no trip of the route runs on 2026-03-03 in the feed; all its operators considered',
      );
    });
  });

  describe('a short name two agencies use', () => {
    it('goes to triage naming both routes', () => {
      const decision = route(uppsala, request({ line: '12' }));
      expect(decision).toMatchObject({ triage: true, route: null, contract: null });
      expect(decision.candidates.map((c) => c.code)).toEqual(['SL-SPÅR', 'UL-STAD']);
      expect(decision.reasons).toContain(
        `line "12" matches 2 routes: ${ROUTE_12_SL} (12, agency SL), ${ROUTE_12_UL} (12, agency Kollektivtrafikförvaltningen UL)`,
      );
    });

    it.each([
      ['a stop name', { stop: 'flogsta' }, ROUTE_12_UL, 'UL-STAD'],
      ['a stop id', { stop: '9021001001001000' }, ROUTE_12_SL, 'SL-SPÅR'],
      ['a mode in the text', { line: 'spårvagn 12' }, ROUTE_12_SL, 'SL-SPÅR'],
      ['a mode given apart', { mode: 'bus' as const }, ROUTE_12_UL, 'UL-STAD'],
    ])('is resolved by %s', (_how, hint, routeId, contractCode) => {
      const decision = route(uppsala, request({ line: '12', ...hint }));
      expect(decision.route?.routeId).toBe(routeId);
      expect(decision.contract?.code).toBe(contractCode);
      expect(decision.triage).toBe(false);
    });

    it('stays in triage when the stop is not in the feed', () => {
      const decision = route(uppsala, request({ line: '12', stop: 'Ingenstans' }));
      expect(decision.triage).toBe(true);
      expect(decision.reasons).toContain('stop "Ingenstans" is not in the feed');
    });
  });

  describe('category rules of the contract', () => {
    it.each([
      ['fares-tickets', AUTHORITY, 'fares-tickets → the authority Kollektivtrafikförvaltningen UL'],
      ['stops-shelters', KOMMUN, 'stops-shelters → Uppsala kommun'],
      ['delays', GUB, 'delays → operator Gamla Uppsala Buss AB'],
    ])('send %s to %o', (category, organisation, reason) => {
      const decision = route(uppsala, request({ line: '4', category }));
      expect(decision).toMatchObject({
        responsible: organisation,
        triage: false,
        confidence: 'high',
      });
      expect(decision.contract?.code).toBe('UL-STAD');
      expect(decision.reasons).toContain(`category ${reason}`);
    });

    it('use the default organisation when no category is given', () => {
      const decision = route(uppsala, request({ line: '4' }));
      expect(decision.responsible).toEqual(GUB);
      expect(decision.reasons).toContain('no category given → operator Gamla Uppsala Buss AB');
    });
  });

  describe('triage', () => {
    it.each([
      ['no line is given', {}, 'no line given'],
      ['the line matches no route', { line: '99x' }, 'line "99x" matches no route in the feed'],
      [
        'the route is in no contract',
        { line: '5' },
        `route ${ROUTE_5} (5) is in no contract valid on 2024-10-01`,
      ],
    ])('takes the case when %s', (_when, fields, reason) => {
      const decision = route(uppsala, request(fields));
      expect(decision).toMatchObject({
        triage: true,
        responsible: AUTHORITY,
        confidence: 'low',
        contract: null,
        candidates: [],
      });
      expect(decision.reasons).toContain(reason);
      expect(decision.reasons.at(-1)).toBe('→ triage by Kollektivtrafikförvaltningen UL');
    });

    it('takes the case when the contract has ended, and says when it was valid', () => {
      const decision = route(uppsala, request({ line: 'Upptåget' }));
      expect(decision).toMatchObject({ triage: true, route: { routeId: ROUTE_UPPTAGET } });
      expect(decision.reasons).toEqual(
        expect.arrayContaining([
          'contract UPPTÅGET (UPPTÅGET) is valid 2019-01-01..2023-12-31',
          `route ${ROUTE_UPPTAGET} (42) is in no contract valid on 2024-10-01`,
        ]),
      );
    });
  });

  describe('categories handled without a contract', () => {
    const withRules = RoutingIndex.build(
      uppsalaData({
        withoutContract: { 'fares-tickets': AUTHORITY.code, 'stops-shelters': KOMMUN.code },
      }),
    );

    it.each([
      ['no line', {}],
      ['an unknown line', { line: '99x' }],
      ['a line in no contract', { line: '5' }],
      ['a line two agencies share', { line: '12' }],
    ])('send fares with %s to the authority with medium confidence', (_what, fields) => {
      const decision = route(withRules, request({ ...fields, category: 'fares-tickets' }));
      expect(decision).toMatchObject({
        triage: false,
        confidence: 'medium',
        contract: null,
        responsible: AUTHORITY,
      });
      expect(decision.reasons).toContain(
        'category fares-tickets without a contract → the authority Kollektivtrafikförvaltningen UL',
      );
    });

    it('send stops and shelters with no line to the municipality', () => {
      const decision = route(withRules, request({ category: 'stops-shelters' }));
      expect(decision).toMatchObject({ triage: false, responsible: KOMMUN });
    });

    it('leave other categories to triage', () => {
      expect(route(withRules, request({ category: 'delays' })).triage).toBe(true);
    });

    it('do not override a contract that applies', () => {
      const decision = route(withRules, request({ line: '801', category: 'stops-shelters' }));
      expect(decision).toMatchObject({ responsible: GUB, contract: { code: 'UL-801-GUB' } });
    });
  });

  describe('organisations ruled out by a transfer', () => {
    it('set aside a contract whose operator is excluded, leaving triage', () => {
      const decision = route(uppsala, request({ line: '4', excludeOrganisationIds: [GUB.id] }));
      expect(decision).toMatchObject({ triage: true, contract: null });
      expect(decision.reasons).toContain(
        'contract UL-STAD (Stadstrafik Uppsala) set aside: its operator Gamla Uppsala Buss AB is ruled out by a transfer',
      );
    });

    it('leave the other of two contracts when both operators run that day', () => {
      const decision = route(
        uppsala,
        request({
          line: '801',
          occurredAt: new Date('2024-12-23T12:00:00+01:00'),
          excludeOrganisationIds: [TRANSDEV.id],
        }),
      );
      expect(decision).toMatchObject({
        triage: false,
        responsible: GUB,
        contract: { code: 'UL-801-GUB' },
      });
    });

    it('send the case to triage, contract known, when the responsible organisation is excluded', () => {
      const decision = route(
        uppsala,
        request({ line: '4', category: 'stops-shelters', excludeOrganisationIds: [KOMMUN.id] }),
      );
      expect(decision).toMatchObject({
        triage: true,
        responsible: AUTHORITY,
        contract: { code: 'UL-STAD' },
      });
      expect(decision.reasons).toContain('Uppsala kommun is ruled out by a transfer');
    });

    it('apply to the organisation of a category without a contract too', () => {
      const index = RoutingIndex.build(
        uppsalaData({ withoutContract: { 'stops-shelters': KOMMUN.code } }),
      );
      const decision = route(
        index,
        request({ category: 'stops-shelters', excludeOrganisationIds: [KOMMUN.id] }),
      );
      expect(decision).toMatchObject({ triage: true, responsible: AUTHORITY });
    });
  });
});

describe(RoutingIndex.build.name, () => {
  it('refuses a time zone Intl does not know', () => {
    expect(() => RoutingIndex.build(uppsalaData({ timeZone: 'Europe/Uppsala' }))).toThrow(
      RangeError,
    );
  });
});
