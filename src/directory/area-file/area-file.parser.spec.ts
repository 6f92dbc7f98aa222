import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AREA_NAME } from '../../seed/demo-area';
import { parseAreaFile } from './area-file.parser';

const demo = readFileSync(join(__dirname, '..', '..', '..', 'area', 'demo-uppsala.yaml'), 'utf8');

describe(parseAreaFile.name, () => {
  it('accepts the demo area and resolves authority and operator in the rules', () => {
    const result = parseAreaFile(demo);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { definition } = result;
    expect(definition.authorityCode).toBe('UL');
    // `npm start` recognises a demo database by this name and keeps it up to date.
    expect(definition.name).toBe(DEMO_AREA_NAME);
    expect(definition.organisations.map((o) => o.code)).toContain('GUB');
    expect(definition.categories).toHaveLength(17);
    expect(definition.categories.find((c) => c.code === 'threats-violence')).toMatchObject({
      urgent: true,
      labelSv: 'Hot och våld',
    });
    const stad = definition.contracts.find((c) => c.code === 'UL-STAD-2019')!;
    expect(stad.responsibility).toEqual({
      default: 'GUB',
      rules: {
        'fares-tickets': 'UL',
        'timetable-planning': 'UL',
        'delay-compensation': 'UL',
        'stops-shelters': 'UPPSALA-KOMMUN',
      },
    });
    expect(definition.withoutContract['fares-tickets']).toBe('UL');
    expect(definition.lineAliases['upptåget']).toEqual(['997', '999']);
  });

  it('keeps personal data 365 days unless the file says otherwise, and at least 30', () => {
    const parsed = (text: string) => {
      const result = parseAreaFile(text);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return result.definition;
    };
    expect(parsed(demo).privacy).toEqual({ retentionDays: 365 });
    expect(parsed(`${demo}\nprivacy:\n  retentionDays: 90\n`).privacy).toEqual({
      retentionDays: 90,
    });
    const tooShort = parseAreaFile(`${demo}\nprivacy:\n  retentionDays: 7\n`);
    expect(tooShort.ok).toBe(false);
    if (tooShort.ok) return;
    expect(tooShort.problems.map((problem) => problem.path)).toEqual(['privacy.retentionDays']);
  });

  it('reports a YAML syntax error with its line', () => {
    const result = parseAreaFile('version: 1\narea:\n  name: [unclosed\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ path: '(yaml)' });
    expect(result.problems[0].line).toBeGreaterThanOrEqual(3);
  });

  it('lists every problem at once, each with its path and line', () => {
    const broken = demo
      .replace(
        'validFrom: 2019-06-15\n    validTo: 2029-06-14',
        'validFrom: 2019-06-15\n    validTo: 2019-01-01',
      )
      .replace('operator: NOBINA', 'operator: NOBINA-AB')
      .replace('regime: rail', 'regime: tram')
      .replace(
        '  - code: toilets\n    label: { sv: Toaletter, en: Toilets }\n    promises: [working-toilets]\n',
        '',
      )
      .replace('stops-shelters: UPPSALA-KOMMUN', 'stops-shelters: KOMMUNEN')
      .replace('timeZone: Europe/Stockholm', 'timeZone: Stockholm')
      .replace(
        '  - { code: MOHLINS, name: Mohlins Bussar, kind: operator }',
        '  - { code: MOHLINS, name: Mohlins Bussar, kind: operator, phone: 1 }',
      );
    const result = parseAreaFile(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Shape errors come first; the file is refused before cross-references are checked.
    expect(result.problems).toEqual(
      expect.arrayContaining([
        {
          path: 'area.timeZone',
          line: 8,
          reason: 'must be an IANA time zone such as Europe/Stockholm',
        },
        { path: 'organisations[2].phone', line: 29, reason: 'is not a known field' },
        expect.objectContaining({
          path: 'contracts[6].regime',
          reason: 'must be bus (EU 181/2011) or rail (EU 2021/782)',
        }),
      ]),
    );
    const fixedShape = broken
      .replace('timeZone: Stockholm', 'timeZone: Europe/Stockholm')
      .replace(', phone: 1 }', ' }')
      .replace('regime: tram', 'regime: rail');
    const second = parseAreaFile(fixedShape);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.problems.map((p) => `${p.path}: ${p.reason}`)).toEqual(
      expect.arrayContaining([
        'categories: lacks the category toilets',
        'contracts[0].validTo: is before validFrom',
        'contracts[0].responsibility.rules.stops-shelters: names the unknown organisation KOMMUNEN',
        'contracts[1].operator: names the unknown organisation NOBINA-AB',
      ]),
    );
    for (const problem of second.problems) expect(problem.line).toEqual(expect.any(Number));
  });

  it('refuses repeated codes, an authority as operator and an empty scope', () => {
    const result = parseAreaFile(
      demo
        .replace(
          '  - { code: SAMBUS, name: Sambus, kind: operator }',
          '  - { code: GUB, name: Sambus, kind: operator }',
        )
        .replace('operator: MOHLINS', 'operator: UL')
        .replace("      agencies: ['33010000000547186']", '      agencies: []'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.path}: ${p.reason}`)).toEqual(
      expect.arrayContaining([
        'organisations[3].code: repeats the code GUB',
        'contracts[4].operator: names the unknown organisation SAMBUS',
        'contracts[2].operator: must not be the authority itself',
        'contracts[8].scope: must name agencies, routes or lines',
      ]),
    );
  });

  it('refuses dates that are not on the calendar', () => {
    const result = parseAreaFile(demo.replace('validFrom: 2020-08-16', 'validFrom: 2020-02-30'));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        expect.objectContaining({
          path: 'contracts[1].validFrom',
          reason: '2020-02-30 is not a calendar date',
        }),
      ]);
  });
});
