import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AreaFileProblem } from './area-definition';
import { parseAreaFile } from './area-file.parser';
import { pathSegments } from './area-responses.parser';
import type { ResponseSettings } from './response-settings';

const demo = readFileSync(join(__dirname, '..', '..', '..', 'area', 'demo-uppsala.yaml'), 'utf8');

/** Replaces `from`, which must occur exactly once, so that no test checks the unchanged demo. */
function edit(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`expected exactly one ${JSON.stringify(from)}, found ${count}`);
  return text.replace(from, () => to);
}

/** The text from `marker` (which must occur once) to the end is left out. */
function cutFrom(text: string, marker: string): string {
  const count = text.split(marker).length - 1;
  if (count !== 1)
    throw new Error(`expected exactly one ${JSON.stringify(marker)}, found ${count}`);
  return text.slice(0, text.indexOf(marker));
}

/** The 1-based line of `snippet`, which must occur exactly once in `text`. */
function lineOf(text: string, snippet: string): number {
  const count = text.split(snippet).length - 1;
  if (count !== 1)
    throw new Error(`expected exactly one ${JSON.stringify(snippet)}, found ${count}`);
  return text.slice(0, text.indexOf(snippet)).split('\n').length;
}

function responsesOf(text: string): ResponseSettings {
  const result = parseAreaFile(text);
  if (!result.ok) throw new Error(`expected the file to pass: ${JSON.stringify(result.problems)}`);
  return result.definition.responses;
}

function problemsOf(text: string): AreaFileProblem[] {
  const result = parseAreaFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

const KNOWN_CALENDARS = 'ul-kundcenter, kontorstid, stadstrafik-kundtjanst, dygnet-runt';
const ACK_PLACEHOLDERS = 'reference, organisation, answerBy, openNow, category, statusUrl';

describe('area file answering rules', () => {
  it('has a demo that passes as it is', () => {
    expect(parseAreaFile(demo)).toMatchObject({ ok: true });
  });

  describe('the demo area resolved', () => {
    let settings: ResponseSettings;
    beforeAll(() => {
      settings = responsesOf(demo);
    });

    it('has the named calendars, each in the area time zone', () => {
      expect(Object.keys(settings.calendars)).toEqual([
        'ul-kundcenter',
        'kontorstid',
        'stadstrafik-kundtjanst',
        'dygnet-runt',
      ]);
      for (const calendar of Object.values(settings.calendars))
        expect(calendar.timeZone).toBe('Europe/Stockholm');
      const office = (end: string) => [{ start: '08:00', end }];
      expect(settings.calendars.kontorstid).toEqual({
        timeZone: 'Europe/Stockholm',
        weekly: {
          mon: office('16:30'),
          tue: office('16:30'),
          wed: office('16:30'),
          thu: office('16:30'),
          fri: office('15:00'),
          sat: [],
          sun: [],
        },
        holidays: { set: 'SE' },
        exceptions: [],
      });
      expect(settings.calendars['stadstrafik-kundtjanst'].exceptions).toEqual([
        { date: '2026-12-30', intervals: [{ start: '09:00', end: '12:00' }] },
      ]);
      expect(settings.calendars['ul-kundcenter'].holidays.halfDays).toContainEqual({
        holiday: 'valborgsmässoafton',
        closesAt: '13:00',
      });
      expect(settings.calendars['dygnet-runt'].holidays).toEqual({ set: 'SE', closeOn: [] });
    });

    it('has the area defaults', () => {
      expect(settings.defaults).toEqual({
        calendar: 'kontorstid',
        targets: { firstResponse: { days: 2 }, resolution: { days: 10 } },
        warnBefore: { hours: 4 },
        legalWarnDays: 7,
        acknowledge: 'always',
        templates: {},
      });
    });

    it('normalises on-call phones to E.164 and keeps the contacts of each party', () => {
      expect(settings.parties.GUB).toEqual({
        calendar: null,
        onCall: { phone: '+46701740610', email: 'trafikledning@gub.example' },
        notifyEmail: 'kundtjanst@gub.example',
        templates: {},
      });
      expect(settings.parties.UL).toEqual({
        calendar: 'ul-kundcenter',
        onCall: { phone: '+46701740605', email: 'trygghetsjour@ul.example' },
        notifyEmail: 'kundcenter@ul.example',
        templates: {},
      });
      expect(settings.parties.NOBINA.onCall).toEqual({ phone: '+46701740620', email: null });
      expect(settings.parties.TRANSDEV.calendar).toBe('dygnet-runt');
      expect(settings.parties.MOHLINS).toEqual({
        calendar: null,
        onCall: { phone: null, email: null },
        notifyEmail: null,
        templates: {},
      });
    });

    it("takes a contract's targets, calendar and acknowledgement policy", () => {
      expect(settings.contracts['UL-STAD-2019']).toEqual({
        calendar: 'stadstrafik-kundtjanst',
        targets: { firstResponse: { hours: 8 }, resolution: { days: 10 } },
        acknowledge: null,
      });
      expect(settings.contracts['UL-SJUKRESA-2020']).toEqual({
        calendar: null,
        targets: {},
        acknowledge: 'outside-office-hours',
      });
    });

    it('has an entry for every organisation and every contract', () => {
      const result = parseAreaFile(demo);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const { definition } = result;
      expect(Object.keys(settings.parties).sort()).toEqual(
        definition.organisations.map((o) => o.code).sort(),
      );
      expect(Object.keys(settings.parties)).toHaveLength(10);
      expect(Object.keys(settings.contracts).sort()).toEqual(
        definition.contracts.map((c) => c.code).sort(),
      );
      expect(Object.keys(settings.contracts)).toHaveLength(9);
    });
  });

  describe('an area file without calendars and responses', () => {
    const bare = [
      ['  calendar: ul-kundcenter\n', ''],
      ['    calendar: dygnet-runt\n', ''],
      ['    calendar: stadstrafik-kundtjanst\n', ''],
    ].reduce(
      (text, [from, to]) => edit(text, from, to),
      cutFrom(demo, '# Office hours. Swedish public holidays'),
    );
    const standard = (timeZone: string) => {
      const office = [{ start: '08:00', end: '17:00' }];
      return {
        timeZone,
        weekly: {
          mon: office,
          tue: office,
          wed: office,
          thu: office,
          fri: office,
          sat: [],
          sun: [],
        },
        holidays: { set: 'SE' },
        exceptions: [],
      };
    };

    it('really has neither', () => {
      expect(bare).not.toMatch(/^calendars:/m);
      expect(bare).not.toMatch(/^responses:/m);
      expect(bare).not.toContain('calendar:');
    });

    it('gets the built-in standard calendar and the default targets', () => {
      const settings = responsesOf(bare);
      expect(settings.calendars).toEqual({ standard: standard('Europe/Stockholm') });
      expect(settings.defaults).toEqual({
        calendar: 'standard',
        targets: { firstResponse: { days: 2 }, resolution: { days: 10 } },
        warnBefore: { hours: 4 },
        legalWarnDays: 7,
        acknowledge: 'always',
        templates: {},
      });
      expect(settings.parties.UL.calendar).toBeNull();
      expect(settings.contracts['UL-STAD-2019']).toEqual({
        calendar: null,
        targets: { firstResponse: { hours: 8 }, resolution: { days: 10 } },
        acknowledge: null,
      });
    });

    it("puts the standard calendar in the area's time zone", () => {
      const helsinki = edit(bare, 'timeZone: Europe/Stockholm', 'timeZone: Europe/Helsinki');
      expect(responsesOf(helsinki).calendars).toEqual({ standard: standard('Europe/Helsinki') });
    });
  });

  describe('calendars', () => {
    it('keeps a time zone a calendar names itself', () => {
      const text = edit(
        demo,
        '    holidays: { set: SE, closeOn: [] }\n',
        '    holidays: { set: SE, closeOn: [] }\n    timeZone: Europe/Helsinki\n',
      );
      const { calendars } = responsesOf(text);
      expect(calendars['dygnet-runt'].timeZone).toBe('Europe/Helsinki');
      expect(calendars.kontorstid.timeZone).toBe('Europe/Stockholm');
    });

    it('refuses overlapping intervals, and only at the calendar, not where it is named', () => {
      const text = edit(
        demo,
        "      mon: [{ start: '08:00', end: '16:30' }]",
        "      mon: [{ start: '08:00', end: '16:30' }, { start: '12:00', end: '13:00' }]",
      );
      // kontorstid is the default calendar: it is refused, not "unknown" in responses.calendar.
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.kontorstid.weekly.mon[1]',
          line: lineOf(text, "{ start: '12:00', end: '13:00' }"),
          reason: 'overlaps weekly.mon[0] (08:00–16:30)',
        },
      ]);
    });

    it('refuses an empty interval', () => {
      const text = edit(
        demo,
        "      tue: [{ start: '08:00', end: '16:30' }]",
        "      tue: [{ start: '08:00', end: '08:00' }]",
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.kontorstid.weekly.tue[0]',
          line: lineOf(text, "{ start: '08:00', end: '08:00' }"),
          reason: 'empty interval (start equals end); a whole day is 00:00–24:00',
        },
      ]);
    });

    it('refuses a malformed time', () => {
      const text = edit(
        demo,
        "      fri: [{ start: '08:00', end: '15:00' }]",
        "      fri: [{ start: '08:00', end: '15.00' }]",
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.kontorstid.weekly.fri[0].end',
          line: lineOf(text, "end: '15.00'"),
          reason: 'malformed time "15.00"; expected HH:MM (00:00–23:59 or 24:00)',
        },
      ]);
    });

    it('refuses an unknown holiday set', () => {
      const text = edit(
        demo,
        'holidays: { set: SE, closeOn: [] }',
        'holidays: { set: FI, closeOn: [] }',
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.dygnet-runt.holidays.set',
          line: lineOf(text, 'set: FI'),
          reason: "unknown holiday set \"FI\"; expected 'SE' or 'none'",
        },
      ]);
    });

    it('refuses a calendar that opens on no weekday: no deadline could be counted in it', () => {
      const text = edit(
        demo,
        `    weekly:
      mon: [{ start: '08:00', end: '16:30' }]
      tue: [{ start: '08:00', end: '16:30' }]
      wed: [{ start: '08:00', end: '16:30' }]
      thu: [{ start: '08:00', end: '16:30' }]
      fri: [{ start: '08:00', end: '15:00' }]
`,
        `    weekly:
      mon: []
      tue: []
      wed: []
      thu: []
      fri: []
`,
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.kontorstid.weekly',
          line: expect.any(Number),
          reason: 'opens on no weekday; a calendar must open every week',
        },
      ]);
    });

    it('refuses an unknown half-day holiday, suggesting the name when only the case differs', () => {
      const text = edit(
        edit(demo, 'holiday: trettondagsafton,', 'holiday: trettondagsaftonen,'),
        'holiday: allhelgonaafton,',
        'holiday: Allhelgonaafton,',
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.ul-kundcenter.holidays.halfDays[0].holiday',
          line: lineOf(text, 'holiday: trettondagsaftonen'),
          reason: 'unknown holiday "trettondagsaftonen"',
        },
        {
          path: 'calendars.ul-kundcenter.holidays.halfDays[3].holiday',
          line: lineOf(text, 'holiday: Allhelgonaafton'),
          reason: 'unknown holiday "Allhelgonaafton"; did you mean \'allhelgonaafton\'?',
        },
      ]);
    });

    it('refuses a duplicate exception date', () => {
      const first = "      - { date: 2026-12-30, intervals: [{ start: '09:00', end: '12:00' }] }\n";
      const text = edit(demo, first, `${first}      - { date: 2026-12-30, closed: true }\n`);
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.stadstrafik-kundtjanst.exceptions[1].date',
          line: lineOf(text, '{ date: 2026-12-30, closed: true }'),
          reason: 'duplicate date; exceptions[0] has it already',
        },
      ]);
    });

    it('refuses a calendar name that is not kebab-case', () => {
      const text = edit(
        demo,
        '    holidays: { set: SE, closeOn: [] }\n',
        '    holidays: { set: SE, closeOn: [] }\n' +
          '  Nattjour: { weekly: { mon: [] }, holidays: { set: none } }\n',
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.Nattjour',
          line: lineOf(text, 'Nattjour:'),
          reason: 'a calendar name must be kebab-case',
        },
      ]);
    });

    it('refuses a field a calendar does not have, so that a misspelt one cannot vanish', () => {
      const text = edit(
        demo,
        '    holidays: { set: SE, closeOn: [] }\n',
        '    holidays: { set: SE, closeOn: [] }\n    exception: [{ date: 2026-12-24, closed: true }]\n',
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.dygnet-runt.exception',
          line: lineOf(text, 'exception: ['),
          reason: 'is not a known field',
        },
      ]);
    });

    it('refuses an area time zone that does not exist, which every calendar inherits', () => {
      const text = edit(demo, 'timeZone: Europe/Stockholm', 'timeZone: Europe/Stokholm');
      expect(problemsOf(text)).toEqual([
        {
          path: 'area.timeZone',
          line: lineOf(text, 'timeZone: Europe/Stokholm'),
          reason: 'names the unknown time zone Europe/Stokholm',
        },
      ]);
    });

    it("refuses a calendar's own time zone that does not exist", () => {
      const text = edit(
        demo,
        '    holidays: { set: SE, closeOn: [] }\n',
        '    holidays: { set: SE, closeOn: [] }\n    timeZone: Europe/Upsala\n',
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'calendars.dygnet-runt.timeZone',
          line: lineOf(text, 'timeZone: Europe/Upsala'),
          reason: 'unknown time zone "Europe/Upsala"',
        },
      ]);
    });
  });

  describe('calendar references', () => {
    it("refuses a party's unknown calendar", () => {
      const text = edit(demo, 'calendar: dygnet-runt', 'calendar: dygnet-rund');
      expect(problemsOf(text)).toEqual([
        {
          path: 'organisations[4].calendar',
          line: lineOf(text, 'calendar: dygnet-rund'),
          reason: `names the unknown calendar dygnet-rund; known: ${KNOWN_CALENDARS}`,
        },
      ]);
    });

    it("refuses the authority's unknown calendar", () => {
      const text = edit(demo, 'calendar: ul-kundcenter', 'calendar: kundcenter');
      expect(problemsOf(text)).toEqual([
        {
          path: 'authority.calendar',
          line: lineOf(text, 'calendar: kundcenter'),
          reason: `names the unknown calendar kundcenter; known: ${KNOWN_CALENDARS}`,
        },
      ]);
    });

    it('refuses an unknown responses.calendar', () => {
      const text = edit(demo, 'calendar: kontorstid', 'calendar: kontorstiden');
      expect(problemsOf(text)).toEqual([
        {
          path: 'responses.calendar',
          line: lineOf(text, 'calendar: kontorstiden'),
          reason: `names the unknown calendar kontorstiden; known: ${KNOWN_CALENDARS}`,
        },
      ]);
    });

    it("refuses a contract's unknown calendar", () => {
      const text = edit(demo, 'calendar: stadstrafik-kundtjanst', 'calendar: stadstrafiken');
      expect(problemsOf(text)).toEqual([
        {
          path: 'contracts[0].calendar',
          line: lineOf(text, 'calendar: stadstrafiken'),
          reason: `names the unknown calendar stadstrafiken; known: ${KNOWN_CALENDARS}`,
        },
      ]);
    });

    it('does not take a property every object has for a calendar', () => {
      const text = edit(demo, 'calendar: kontorstid', 'calendar: constructor');
      expect(problemsOf(text)).toEqual([
        {
          path: 'responses.calendar',
          line: lineOf(text, 'calendar: constructor'),
          reason: `names the unknown calendar constructor; known: ${KNOWN_CALENDARS}`,
        },
      ]);
    });

    it('refuses a calendar reference that is not kebab-case', () => {
      const text = edit(demo, 'calendar: kontorstid', 'calendar: Kontorstid');
      expect(problemsOf(text)).toEqual([
        {
          path: 'responses.calendar',
          line: lineOf(text, 'calendar: Kontorstid'),
          reason: 'must be a kebab-case calendar name from calendars',
        },
      ]);
    });

    it('takes an empty calendar as none given', () => {
      const text = edit(
        edit(demo, '  calendar: kontorstid\n', '  calendar:\n'),
        '    calendar: dygnet-runt\n',
        '    calendar: null\n',
      );
      const settings = responsesOf(text);
      expect(settings.defaults.calendar).toBe('standard');
      expect(settings.calendars.standard).toBeDefined();
      expect(settings.parties.TRANSDEV.calendar).toBeNull();
    });
  });

  describe('contacts', () => {
    it('refuses an on-call phone that is not a number', () => {
      const text = edit(
        demo,
        "onCall: { phone: '+46 70 174 06 20' }",
        "onCall: { phone: 'ring oss' }",
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'organisations[1].onCall.phone',
          line: lineOf(text, "phone: 'ring oss'"),
          reason: 'is not a phone number',
        },
      ]);
    });

    it('reports a phone given as a bare number without losing the problems after it', () => {
      const text = edit(
        edit(demo, "onCall: { phone: '+46 70 174 06 20' }", 'onCall: { phone: 46701740620 }'),
        '  acknowledge: always\n',
        "  acknowledge: always\n  templates: { acknowledgement: { sv: { sms: '{{foo}}' } } }\n",
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'organisations[1].onCall.phone',
          line: lineOf(text, 'phone: 46701740620'),
          reason: 'must be a string',
        },
        {
          path: 'responses.templates.acknowledgement.sv.sms',
          line: lineOf(text, "sms: '{{foo}}'"),
          reason: `unknown placeholder {{foo}}; known: ${ACK_PLACEHOLDERS}`,
        },
      ]);
    });

    it('takes an empty on-call phone as none given', () => {
      const text = edit(demo, "onCall: { phone: '+46 70 174 06 20' }", 'onCall: { phone: null }');
      expect(responsesOf(text).parties.NOBINA.onCall).toEqual({ phone: null, email: null });
    });

    it('refuses a notifyEmail and an on-call e-mail that are not addresses', () => {
      const text = edit(
        edit(demo, 'notifyEmail: kundtjanst@gub.example', 'notifyEmail: kundtjanst(at)gub.example'),
        'email: trafikledning@transdev.example',
        'email: trafikledning',
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'organisations[0].notifyEmail',
          line: lineOf(text, 'notifyEmail: kundtjanst(at)gub.example'),
          reason: 'must be an e-mail address',
        },
        {
          path: 'organisations[4].onCall.email',
          line: lineOf(text, 'email: trafikledning }'),
          reason: 'must be an e-mail address',
        },
      ]);
    });
  });

  describe('targets and policies', () => {
    it('refuses a zero target', () => {
      const text = edit(demo, 'firstResponse: { hours: 8 }', 'firstResponse: { hours: 0 }');
      expect(problemsOf(text)).toEqual([
        {
          path: 'contracts[0].targets.firstResponse',
          line: lineOf(text, 'firstResponse: { hours: 0 }'),
          reason: 'must be longer than zero',
        },
      ]);
    });

    it('refuses an empty default target', () => {
      const text = edit(
        demo,
        'resolution: { days: 10 } }\n  warnBefore',
        'resolution: {} }\n  warnBefore',
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'responses.targets.resolution',
          line: lineOf(text, 'resolution: {} }'),
          reason: 'must be longer than zero',
        },
      ]);
    });

    it('refuses a negative target', () => {
      const text = edit(demo, 'firstResponse: { hours: 8 }', 'firstResponse: { hours: -8 }');
      expect(problemsOf(text)).toEqual([
        {
          path: 'contracts[0].targets.firstResponse.hours',
          line: lineOf(text, 'hours: -8'),
          reason: 'must not be less than 0',
        },
        {
          path: 'contracts[0].targets.firstResponse',
          line: lineOf(text, 'firstResponse: { hours: -8 }'),
          reason: 'must be longer than zero',
        },
      ]);
    });

    it('refuses responses.warnBefore in days', () => {
      const text = edit(demo, 'warnBefore: { hours: 4 }', 'warnBefore: { days: 1 }');
      expect(problemsOf(text)).toEqual([
        {
          path: 'responses.warnBefore.days',
          line: lineOf(text, 'warnBefore: { days: 1 }'),
          reason: 'give the warning lead in hours or minutes',
        },
      ]);
    });

    it('refuses acknowledge: sometimes, in responses and in a contract', () => {
      const text = edit(
        edit(demo, 'acknowledge: always', 'acknowledge: sometimes'),
        'acknowledge: outside-office-hours',
        'acknowledge: never',
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'contracts[5].acknowledge',
          line: lineOf(text, 'acknowledge: never'),
          reason: 'must be one of always, outside-office-hours',
        },
        {
          path: 'responses.acknowledge',
          line: lineOf(text, 'acknowledge: sometimes'),
          reason: 'must be one of always, outside-office-hours',
        },
      ]);
    });

    it('takes the legal warning days and the targets of responses', () => {
      const text = edit(
        edit(demo, 'legalWarnDays: 7', 'legalWarnDays: 3'),
        'targets: { firstResponse: { days: 2 }, resolution: { days: 10 } }',
        'targets: { firstResponse: { hours: 6, minutes: 30 } }',
      );
      const { defaults } = responsesOf(text);
      expect(defaults.legalWarnDays).toBe(3);
      expect(defaults.targets).toEqual({
        firstResponse: { hours: 6, minutes: 30 },
        resolution: { days: 10 },
      });
    });
  });

  describe('templates', () => {
    const withTemplates = (lines: string) =>
      edit(demo, '  acknowledge: always\n', `  acknowledge: always\n  templates:\n${lines}`);

    it('takes valid templates of the area and of an organisation', () => {
      const text = edit(
        withTemplates(
          "    acknowledgement: { sv: { sms: 'Tack! Ärende {{reference}}.{{#if openNow}} Vi är öppna.{{/if}}' } }\n",
        ),
        '    notifyEmail: kundtjanst@gub.example\n',
        "    notifyEmail: kundtjanst@gub.example\n    templates: { urgent-alert: { en: { subject: 'Urgent {{reference}}' } } }\n",
      );
      const settings = responsesOf(text);
      expect(settings.defaults.templates).toEqual({
        acknowledgement: {
          sv: { sms: 'Tack! Ärende {{reference}}.{{#if openNow}} Vi är öppna.{{/if}}' },
        },
      });
      expect(settings.parties.GUB.templates).toEqual({
        'urgent-alert': { en: { subject: 'Urgent {{reference}}' } },
      });
      expect(settings.parties.NOBINA.templates).toEqual({});
    });

    it('refuses an unknown placeholder in responses.templates', () => {
      const text = withTemplates(
        "    acknowledgement: { sv: { sms: 'Tack! Ärende {{reference}} {{foo}}' } }\n",
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'responses.templates.acknowledgement.sv.sms',
          line: lineOf(text, '{{foo}}'),
          reason: `unknown placeholder {{foo}}; known: ${ACK_PLACEHOLDERS}`,
        },
      ]);
    });

    it("refuses an unknown placeholder in an organisation's templates", () => {
      const text = edit(
        demo,
        '    notifyEmail: kundtjanst.uppsala@nobina.example\n',
        '    notifyEmail: kundtjanst.uppsala@nobina.example\n' +
          "    templates: { urgent-alert: { sv: { sms: 'Akut {{reference}} på linje {{linje}}' } } }\n",
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'organisations[1].templates.urgent-alert.sv.sms',
          line: lineOf(text, '{{linje}}'),
          reason:
            'unknown placeholder {{linje}}; known: reference, organisation, category, line, stop, ' +
            'occurredAt, description, caseUrl',
        },
      ]);
    });

    it('refuses an unknown kind, language and part', () => {
      const text = withTemplates(
        '    acknowledgment: { sv: { sms: Hej } }\n' +
          '    deadline-warning: { de: { sms: Hallo } }\n' +
          '    deadline-breach: { sv: { body: Hej } }\n',
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'responses.templates.acknowledgment',
          line: lineOf(text, 'acknowledgment:'),
          reason:
            'unknown message kind "acknowledgment"; known: acknowledgement, urgent-alert, ' +
            'deadline-warning, deadline-breach',
        },
        {
          path: 'responses.templates.deadline-warning.de',
          line: lineOf(text, 'de: { sms: Hallo }'),
          reason: 'unknown language "de"; known: sv, en',
        },
        {
          path: 'responses.templates.deadline-breach.sv.body',
          line: lineOf(text, 'body: Hej'),
          reason: 'unknown message part "body"; known: subject, text, sms',
        },
      ]);
    });

    it('refuses a Handlebars syntax error', () => {
      const text = withTemplates(
        "    urgent-alert: { sv: { sms: 'Linje {{#if line}}{{line}}' } }\n",
      );
      expect(problemsOf(text)).toEqual([
        {
          path: 'responses.templates.urgent-alert.sv.sms',
          line: lineOf(text, "sms: 'Linje {{#if line}}"),
          reason: expect.stringMatching(/^Handlebars syntax error: .+/) as string,
        },
      ]);
    });

    it('refuses a helper beyond if and unless', () => {
      const text = withTemplates(
        "    deadline-breach: { en: { text: '{{#each clock}}{{this}}{{/each}}' } }\n",
      );
      expect(problemsOf(text)).toEqual([
        expect.objectContaining({
          path: 'responses.templates.deadline-breach.en.text',
          line: lineOf(text, '{{#each clock}}'),
          reason: expect.stringContaining('helper "each" is not allowed') as string,
        }),
      ]);
    });
  });

  it('reports several problems of one file at once, each at its own line', () => {
    const text = [
      [
        "      wed: [{ start: '08:00', end: '16:30' }]",
        "      wed: [{ start: '08:00', end: '16:30' }, { start: '16:00', end: '18:00' }]",
      ],
      ['calendar: dygnet-runt', 'calendar: dygn'],
      ["onCall: { phone: '+46 70 174 06 10'", "onCall: { phone: '123'"],
      ['firstResponse: { hours: 8 }', 'firstResponse: { minutes: 0 }'],
      ['acknowledge: always', 'acknowledge: sometimes'],
      [
        'legalWarnDays: 7',
        'legalWarnDays: 7\n  templates: { deadline-warning: { sv: { sms: "{{due}}" } } }',
      ],
    ].reduce((current, [from, to]) => edit(current, from, to), demo);
    const problems = problemsOf(text);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          path: 'calendars.kontorstid.weekly.wed[1]',
          line: lineOf(text, "{ start: '16:00', end: '18:00' }"),
          reason: 'overlaps weekly.wed[0] (08:00–16:30)',
        },
        {
          path: 'organisations[4].calendar',
          line: lineOf(text, 'calendar: dygn\n'),
          reason: `names the unknown calendar dygn; known: ${KNOWN_CALENDARS}`,
        },
        {
          path: 'organisations[0].onCall.phone',
          line: lineOf(text, "phone: '123'"),
          reason: 'is not a phone number',
        },
        {
          path: 'contracts[0].targets.firstResponse',
          line: lineOf(text, 'firstResponse: { minutes: 0 }'),
          reason: 'must be longer than zero',
        },
        {
          path: 'responses.acknowledge',
          line: lineOf(text, 'acknowledge: sometimes'),
          reason: 'must be one of always, outside-office-hours',
        },
        {
          path: 'responses.templates.deadline-warning.sv.sms',
          line: lineOf(text, '{{due}}'),
          reason:
            'unknown placeholder {{due}}; known: reference, organisation, clock, dueAt, caseUrl',
        },
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  describe(pathSegments.name, () => {
    it('splits dotted paths with indexes into keys and numbers', () => {
      expect(pathSegments('weekly.mon[1].start')).toEqual(['weekly', 'mon', 1, 'start']);
      expect(pathSegments('holidays.halfDays[0].holiday')).toEqual([
        'holidays',
        'halfDays',
        0,
        'holiday',
      ]);
      expect(pathSegments('templates.urgent-alert.sv.sms')).toEqual([
        'templates',
        'urgent-alert',
        'sv',
        'sms',
      ]);
      expect(pathSegments('')).toEqual([]);
    });
  });
});
