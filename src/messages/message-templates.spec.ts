import Handlebars from 'handlebars';
import { DEFAULT_TEMPLATES } from './default-templates';
import { acknowledgementValues, SAMPLE_VALUES } from './message.fixtures';
import {
  clockLabel,
  type Language,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  MESSAGE_VARIABLES,
} from './message-kinds';
import { InvalidTemplatesError, MessageTemplates } from './message-templates';

const templates = new MessageTemplates();

const KIND_LANGUAGES = MESSAGE_KINDS.flatMap((kind) =>
  MESSAGE_LANGUAGES.map((language) => [kind, language] as const),
);

describe(MessageTemplates.name, () => {
  describe('defaults', () => {
    it.each(KIND_LANGUAGES)(
      'renders %s in %s with the reference in every part',
      (kind, language) => {
        const values = SAMPLE_VALUES[kind];
        const message = templates.render(kind, language, null, values);
        for (const part of [message.subject, message.text, message.html, message.sms]) {
          expect(part).toContain(values.reference);
          expect(part).not.toMatch(/\{\{|\}\}/);
        }
        expect(message.subject).not.toMatch(/\s{2}|\n/);
        expect(message.text).not.toMatch(/\n{3}|[ \t]$/m);
      },
    );

    it.each(MESSAGE_LANGUAGES)(
      'tells the traveller who handles the case and when (%s)',
      (language) => {
        const values = acknowledgementValues({ answerBy: 'på måndag kl. 08:00' });
        const message = templates.render('acknowledgement', language, null, values);
        for (const part of [message.text, message.sms]) {
          expect(part).toContain('Transdev Sverige AB');
          expect(part).toContain('på måndag kl. 08:00');
        }
      },
    );

    it('reads naturally in Swedish, with and without a known answer time', () => {
      const known = templates.render('acknowledgement', 'sv', null, acknowledgementValues());
      expect(known.subject).toBe('Vi har tagit emot ditt ärende SP-2026-000123');
      expect(known.sms).toBe(
        'Tack! Ditt ärende SP-2026-000123 har tagits emot och hanteras av Transdev Sverige AB. ' +
          'Du får svar av en handläggare senast i morgon kl. 08:00. Svara på detta SMS om du ' +
          'vill lägga till något. Följ ärendet: https://synpunkt.example.se/arende/SP-2026-000123',
      );
      expect(known.text).toContain('Du får svar av en handläggare senast i morgon kl. 08:00.');

      const unknown = templates.render(
        'acknowledgement',
        'sv',
        null,
        acknowledgementValues({ answerBy: '' }),
      );
      expect(unknown.sms).not.toContain('senast');
      expect(unknown.text).toContain('Du får svar av en handläggare så snart som möjligt.');
    });

    it('says whether the handling party is open now', () => {
      const open = templates.render(
        'acknowledgement',
        'en',
        null,
        acknowledgementValues({ openNow: true }),
      );
      const closed = templates.render('acknowledgement', 'en', null, acknowledgementValues());
      expect(open.text).toContain('Transdev Sverige AB is open now');
      expect(closed.text).toContain('Transdev Sverige AB is closed right now');
    });

    it('leaves out the category line when there is no category', () => {
      const message = templates.render(
        'acknowledgement',
        'sv',
        null,
        acknowledgementValues({ category: '' }),
      );
      expect(message.text).not.toContain('Kategori');
      expect(message.text).toContain(
        'Ärendenummer: SP-2026-000123\nHanteras av: Transdev Sverige AB',
      );
    });

    it.each(MESSAGE_LANGUAGES)(
      'keeps the acknowledgement SMS within 300 characters (%s)',
      (language) => {
        const values = acknowledgementValues({
          organisation: 'Arriva Sverige AB Region Syd',
          answerBy: language === 'sv' ? 'den 7 januari kl. 08:00' : 'on 7 January at 08:00',
        });
        expect(
          templates.render('acknowledgement', language, null, values).sms.length,
        ).toBeLessThanOrEqual(300);
      },
    );

    it('signs traveller e-mails as customer service', () => {
      expect(templates.render('acknowledgement', 'sv', null, acknowledgementValues()).text).toMatch(
        /\nKundtjänst$/,
      );
      expect(templates.render('acknowledgement', 'en', null, acknowledgementValues()).text).toMatch(
        /\nCustomer service$/,
      );
    });

    it('starts the urgent SMS with the alarm word and leaves out empty details', () => {
      const values = { ...SAMPLE_VALUES['urgent-alert'], line: '', stop: '', occurredAt: '' };
      expect(templates.render('urgent-alert', 'sv', null, values).sms).toBe(
        'BRÅDSKANDE: ärende SP-2026-000124 (Keolis Sverige AB), Säkerhet. ' +
          '"En dörr gick upp under färd mellan Slussen och Gullmarsplan." ' +
          'https://synpunkt.example.se/inkorg/SP-2026-000124',
      );
      expect(
        templates.render('urgent-alert', 'en', null, SAMPLE_VALUES['urgent-alert']).sms,
      ).toMatch(
        /^URGENT: case SP-2026-000124 \(Keolis Sverige AB\), Säkerhet, line 4, stop Slussen, 2026-11-24 07:45\. /,
      );
    });

    it('puts the deadline and its due time in warnings and breaches', () => {
      const values = {
        ...SAMPLE_VALUES['deadline-warning'],
        clock: clockLabel('legal-final', 'en'),
        dueAt: '24 Nov 2026 08:00',
      };
      const warning = templates.render('deadline-warning', 'en', null, values);
      expect(warning.text).toContain(
        'Deadline: legal final answer within three months\nDue: 24 Nov 2026 08:00',
      );
      const breach = templates.render(
        'deadline-breach',
        'sv',
        null,
        SAMPLE_VALUES['deadline-breach'],
      );
      expect(breach.subject).toBe(
        'Tidsgräns passerad: ärende SP-2026-000126 (lagstadgat besked inom en månad)',
      );
    });
  });

  describe('overrides', () => {
    const area = {
      acknowledgement: {
        sv: { sms: 'Område: {{reference}}', subject: 'Områdesämne {{reference}}' },
      },
    };
    const organisations = new Map([
      ['SL', { acknowledgement: { sv: { sms: 'SL: {{reference}}' } } }],
      ['UL', { 'urgent-alert': { en: { sms: 'UL URGENT {{reference}}' } } }],
    ]);
    const overridden = new MessageTemplates(area, organisations);
    const ack = (organisation: string | null, language: Language = 'sv') =>
      overridden.render('acknowledgement', language, organisation, acknowledgementValues());

    it("lets an organisation's own part win over the area's", () => {
      expect(ack('SL').sms).toBe('SL: SP-2026-000123');
    });

    it("fills an organisation's other parts from the area, then from the defaults", () => {
      expect(ack('SL').subject).toBe('Områdesämne SP-2026-000123');
      expect(ack('SL').text).toBe(
        templates.render('acknowledgement', 'sv', null, acknowledgementValues()).text,
      );
    });

    it('gives the area text to organisations without their own, to unknown codes and to none', () => {
      for (const organisation of ['UL', 'OTHER', null])
        expect(ack(organisation).sms).toBe('Område: SP-2026-000123');
    });

    it('keeps the defaults in a language the overrides leave alone', () => {
      expect(ack('SL', 'en').sms).toMatch(/^Thank you! Your case SP-2026-000123/);
      expect(overridden.render('urgent-alert', 'en', 'UL', SAMPLE_VALUES['urgent-alert']).sms).toBe(
        'UL URGENT SP-2026-000124',
      );
    });

    it('is not changed by later edits to the overrides it was given', () => {
      const mutable = { acknowledgement: { sv: { sms: 'Före {{reference}}' } } };
      const fixed = new MessageTemplates(mutable);
      mutable.acknowledgement.sv.sms = 'Efter {{reference}}';
      expect(fixed.render('acknowledgement', 'sv', null, acknowledgementValues()).sms).toBe(
        'Före SP-2026-000123',
      );
    });

    it('refuses invalid overrides, with every problem at its path', () => {
      const build = () =>
        new MessageTemplates(
          { acknowledgement: { sv: { sms: '{{foo}}' } } },
          new Map([['SL', { 'deadline-breach': { en: { text: '{{#each clock}}x{{/each}}' } } }]]),
        );
      expect(build).toThrow(/area\.acknowledgement\.sv\.sms: unknown placeholder \{\{foo\}\}/);
      let thrown: unknown;
      try {
        build();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidTemplatesError);
      expect((thrown as InvalidTemplatesError).problems.map((problem) => problem.path)).toEqual([
        'area.acknowledgement.sv.sms',
        'organisations.SL.deadline-breach.en.text',
      ]);
    });
  });

  describe('compiling', () => {
    afterEach(() => jest.restoreAllMocks());

    it('compiles each distinct template once, however many organisations share it', () => {
      const create = Handlebars.create.bind(Handlebars);
      let compile: jest.SpyInstance | undefined;
      jest.spyOn(Handlebars, 'create').mockImplementationOnce(() => {
        const environment = create();
        compile = jest.spyOn(environment, 'compile');
        return environment;
      });
      const shared = { acknowledgement: { sv: { sms: 'Eget {{reference}}' } } };
      const many = new MessageTemplates(
        {},
        new Map([
          ['A', shared],
          ['B', shared],
        ]),
      );
      for (const organisation of ['A', 'B', null])
        many.render('acknowledgement', 'sv', organisation, acknowledgementValues());
      const defaults = new Set(
        Object.values(DEFAULT_TEMPLATES).flatMap((byLanguage) =>
          Object.values(byLanguage).flatMap((texts) => Object.values(texts)),
        ),
      );
      expect(compile).toHaveBeenCalledTimes(defaults.size + 1);
    });
  });

  describe('escaping', () => {
    const hostile = '<script>alert(1)</script> "&\' ok';
    const urgent = (values: Partial<(typeof SAMPLE_VALUES)['urgent-alert']>) =>
      templates.render('urgent-alert', 'en', null, { ...SAMPLE_VALUES['urgent-alert'], ...values });

    it('escapes values in the HTML and keeps them verbatim in the text and SMS', () => {
      const message = urgent({ description: hostile });
      expect(message.text).toContain(hostile);
      expect(message.sms).toContain(hostile);
      expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39; ok');
      expect(message.html).not.toContain('<script>');
    });

    it('keeps the subject on one line whatever a value holds', () => {
      const message = urgent({ category: 'Fel\r\nBcc: someone@example.com\n' });
      expect(message.subject).toBe('URGENT: case SP-2026-000124 – Fel Bcc: someone@example.com');
    });

    it('makes every value single-line and drops control characters', () => {
      const message = urgent({
        description: 'rad ett\n\n\nrad två\u0007\u0000 slut',
        line: '4\t5',
      });
      expect(message.text).toContain('\nrad ett rad två slut\n');
      expect(message.text).toContain('Line: 4 5');
      expect(message.sms).toContain('"rad ett rad två slut"');
    });

    it('builds a minimal HTML document of paragraphs and line breaks', () => {
      const message = templates.render(
        'deadline-warning',
        'sv',
        null,
        SAMPLE_VALUES['deadline-warning'],
      );
      expect(
        message.html.startsWith('<!doctype html><html lang="sv"><meta charset="utf-8"><body>'),
      ).toBe(true);
      expect(message.html).toContain(
        '<p>Tidsgräns: första svar<br>\nLöper ut: 2026-11-24 08:00</p>',
      );
      expect(message.html.match(/<p>/g)).toHaveLength(message.text.split('\n\n').length);
      expect(message.html.trimEnd().endsWith('</body></html>')).toBe(true);
    });
  });

  describe('values', () => {
    it.each(MESSAGE_KINDS)('declares exactly the placeholders of the %s values', (kind) => {
      expect([...MESSAGE_VARIABLES[kind]].sort()).toEqual(Object.keys(SAMPLE_VALUES[kind]).sort());
    });

    it('throws when a value is missing rather than sending a blank', () => {
      const values = {
        ...acknowledgementValues(),
        organisation: undefined,
      } as unknown as ReturnType<typeof acknowledgementValues>;
      expect(() => templates.render('acknowledgement', 'sv', null, values)).toThrow(
        /\{\{organisation\}\}/,
      );
    });
  });
});

describe(clockLabel.name, () => {
  it('labels every deadline in both languages', () => {
    expect(clockLabel('first-response', 'sv')).toBe('första svar');
    expect(clockLabel('first-response', 'en')).toBe('first response');
    expect(clockLabel('resolution', 'en')).toBe('resolution');
    expect(clockLabel('legal-reply', 'sv')).toBe('lagstadgat besked inom en månad');
    expect(clockLabel('legal-reply', 'en')).toBe('legal reply within one month');
    expect(clockLabel('legal-final', 'sv')).toBe('lagstadgat slutligt svar inom tre månader');
    expect(clockLabel('legal-final', 'en')).toBe('legal final answer within three months');
  });
});
