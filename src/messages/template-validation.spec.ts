import { DEFAULT_TEMPLATES } from './default-templates';
import { templateProblems, validateTemplateOverrides } from './template-validation';

const ACK_KNOWN = 'reference, organisation, answerBy, openNow, category, statusUrl';

/** Validates one acknowledgement SMS override and returns its problems. */
const ackSms = (sms: unknown) =>
  validateTemplateOverrides({ acknowledgement: { sv: { sms } } }, 'templates');

describe(validateTemplateOverrides.name, () => {
  it('accepts every default template, as overrides of themselves', () => {
    expect(validateTemplateOverrides(DEFAULT_TEMPLATES, 'templates')).toEqual([]);
  });

  it('accepts a subset of parts, languages and kinds', () => {
    expect(
      validateTemplateOverrides(
        {
          acknowledgement: { en: { subject: 'Case {{reference}}' } },
          'urgent-alert': { sv: { sms: 'BRÅDSKANDE {{reference}} {{caseUrl}}' } },
        },
        'templates',
      ),
    ).toEqual([]);
    expect(validateTemplateOverrides({}, 'templates')).toEqual([]);
  });

  it('accepts if, unless, else, else-if chains, comments and triple braces', () => {
    const source =
      '{{! a note }}{{#if answerBy}}by {{answerBy}}{{else if openNow}}soon{{else}}later{{/if}}' +
      '{{#unless category}}-{{/unless}} {{{reference}}} {{~organisation~}}';
    expect(ackSms(source)).toEqual([]);
  });

  it.each([
    ['a string', 'hello'],
    ['a list', ['acknowledgement']],
    ['null', null],
  ])('refuses %s where the mapping of kinds belongs', (_name, raw) => {
    expect(validateTemplateOverrides(raw, 'templates')).toEqual([
      { path: 'templates', reason: expect.stringContaining('must be a mapping') },
    ]);
  });

  it('refuses an unknown kind, naming the known ones', () => {
    expect(validateTemplateOverrides({ 'thank-you': { sv: {} } }, 'templates')).toEqual([
      {
        path: 'templates.thank-you',
        reason:
          'unknown message kind "thank-you"; known: acknowledgement, urgent-alert, deadline-warning, deadline-breach',
      },
    ]);
  });

  it('refuses a kind or a language that is not a mapping', () => {
    expect(validateTemplateOverrides({ acknowledgement: 'Tack!' }, 'templates')).toEqual([
      { path: 'templates.acknowledgement', reason: expect.stringContaining('mapping') },
    ]);
    expect(validateTemplateOverrides({ acknowledgement: { sv: ['x'] } }, 'templates')).toEqual([
      { path: 'templates.acknowledgement.sv', reason: expect.stringContaining('mapping') },
    ]);
  });

  it('refuses an unknown language', () => {
    expect(
      validateTemplateOverrides({ acknowledgement: { de: { sms: 'Danke' } } }, 'templates'),
    ).toEqual([
      { path: 'templates.acknowledgement.de', reason: 'unknown language "de"; known: sv, en' },
    ]);
  });

  it('refuses a subject without the case reference, which threads the e-mails', () => {
    expect(
      validateTemplateOverrides(
        { 'urgent-alert': { sv: { subject: 'Brådskande ärende' } } },
        'templates',
      ),
    ).toEqual([
      { path: 'templates.urgent-alert.sv.subject', reason: 'must contain {{reference}}' },
    ]);
  });

  it('refuses an unknown part', () => {
    expect(
      validateTemplateOverrides({ 'deadline-breach': { en: { body: 'x' } } }, 'templates'),
    ).toEqual([
      {
        path: 'templates.deadline-breach.en.body',
        reason: 'unknown message part "body"; known: subject, text, sms',
      },
    ]);
  });

  it.each([
    ['empty', ''],
    ['blank', '  \n '],
    ['a number', 42],
    ['null', null],
    ['a mapping', { text: 'x' }],
  ])('refuses a part that is %s', (_name, sms) => {
    expect(ackSms(sms)).toEqual([
      { path: 'templates.acknowledgement.sv.sms', reason: 'must be a non-empty string' },
    ]);
  });

  it('reports a Handlebars syntax error with the first line of its message', () => {
    const [problem, ...more] = ackSms('Tack! {{#if answerBy}}Svar {{answerBy}}');
    expect(more).toEqual([]);
    expect(problem?.path).toBe('templates.acknowledgement.sv.sms');
    expect(problem?.reason).toMatch(/^Handlebars syntax error: Parse error on line 1:/);
    expect(ackSms('{{#if openNow}}x{{/unless}}')[0]?.reason).toBe(
      "Handlebars syntax error: if doesn't match unless - 1:3",
    );
  });

  it('names an unknown placeholder and the known ones', () => {
    expect(ackSms('Ditt ärende {{referens}}')).toEqual([
      {
        path: 'templates.acknowledgement.sv.sms',
        reason: `unknown placeholder {{referens}}; known: ${ACK_KNOWN}`,
      },
    ]);
  });

  it('refuses a placeholder of another kind', () => {
    expect(ackSms('{{caseUrl}}')[0]?.reason).toMatch(/^unknown placeholder \{\{caseUrl\}\}/);
  });

  it('finds unknown placeholders in conditions, else branches and sub-expression arguments', () => {
    const reasons = (source: string) => ackSms(source).map((problem) => problem.reason);
    expect(reasons('{{#if answer}}x{{/if}}')).toEqual([
      `unknown placeholder {{answer}}; known: ${ACK_KNOWN}`,
    ]);
    expect(reasons('{{#if openNow}}x{{else}}{{closed}}{{/if}}')).toEqual([
      `unknown placeholder {{closed}}; known: ${ACK_KNOWN}`,
    ]);
    expect(reasons('{{#if (lookup category missing)}}x{{/if}}')).toContain(
      `unknown placeholder {{missing}}; known: ${ACK_KNOWN}`,
    );
  });

  it.each([
    ['each', '{{#each category}}x{{/each}}', 'helper "each" is not allowed'],
    ['with', '{{#with category}}x{{/with}}', 'helper "with" is not allowed'],
    ['lookup', '{{lookup this "reference"}}', 'helper "lookup" is not allowed'],
    ['log', '{{log reference}}', 'helper "log" is not allowed'],
    ['a custom block helper', '{{#shout}}x{{/shout}}', 'helper "shout" is not allowed'],
    ['a raw block', '{{{{raw}}}}x{{{{/raw}}}}', 'helper "raw" is not allowed'],
    ['a sub-expression helper', '{{#if (lookup reference)}}x{{/if}}', 'helper "lookup"'],
    ['an inline if', '{{if openNow}}', 'must be a block'],
    ['if as a sub-expression', '{{#if (if openNow)}}x{{/if}}', 'sub-expressions'],
    ['a partial', '{{> footer}}', 'partials ({{> footer}})'],
    ['a partial block', '{{#> footer}}x{{/footer}}', 'partials'],
    ['a decorator', '{{* inline}}', 'decorators'],
    ['a decorator block', '{{#* inline "x"}}y{{/inline}}', 'decorators'],
    ['a parent path', '{{../reference}}', 'parent paths ({{../reference}})'],
    ['this', '{{this}}', '{{this}} is not allowed'],
    ['a path through this', '{{this.reference}}', '{{this.reference}} is not allowed'],
    ['@data', '{{@root.reference}}', '@data variables ({{@root.reference}})'],
    ['@index', '{{#if @index}}x{{/if}}', '@data variables ({{@index}})'],
    ['a dotted path', '{{reference.length}}', 'dotted paths ({{reference.length}})'],
    ['a section on a value', '{{#reference}}x{{/reference}}', 'sections ({{#reference}}'],
    ['an inverted section', '{{^category}}x{{/category}}', 'sections ({{#category}}'],
    ['arguments to a placeholder', '{{reference organisation}}', 'takes no arguments'],
    ['options to a placeholder', '{{reference upper=true}}', 'takes no arguments'],
    ['an if with two conditions', '{{#if openNow category}}x{{/if}}', 'exactly one'],
    ['an if with options', '{{#if openNow includeZero=true}}x{{/if}}', 'no options'],
    ['a literal as placeholder', '{{"text"}}', 'literal'],
  ])('refuses %s', (_name, source, reason) => {
    const problems = ackSms(source);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.path).toBe('templates.acknowledgement.sv.sms');
    expect(problems.map((problem) => problem.reason).join(' | ')).toContain(reason);
  });

  it('reports every problem of a file, each at its own path', () => {
    const problems = validateTemplateOverrides(
      {
        acknowledgement: { sv: { sms: '{{foo}}', subject: '' }, fi: {} },
        'deadline-warning': { en: { text: '{{#each clock}}{{/each}}' } },
      },
      'organisations.SL.templates',
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      'organisations.SL.templates.acknowledgement.sv.sms',
      'organisations.SL.templates.acknowledgement.sv.subject',
      'organisations.SL.templates.acknowledgement.fi',
      'organisations.SL.templates.deadline-warning.en.text',
    ]);
  });
});

describe(templateProblems.name, () => {
  it('reports the same problem once however often it occurs', () => {
    expect(templateProblems('deadline-breach', '{{due}} {{due}} {{#if due}}{{/if}}')).toEqual([
      'unknown placeholder {{due}}; known: reference, organisation, clock, dueAt, caseUrl',
    ]);
  });
});
