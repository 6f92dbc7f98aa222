import Handlebars from 'handlebars';
import { DEFAULT_TEMPLATES } from './default-templates';
import {
  type Language,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  MESSAGE_PARTS,
  MESSAGE_VARIABLES,
  type MessageKind,
  type MessagePart,
  type MessageValues,
} from './message-kinds';
import {
  type TemplateOverrides,
  type TemplateProblem,
  validateTemplateOverrides,
} from './template-validation';

/** A message ready to send: `subject` + `text`/`html` make the e-mail, `sms` the SMS. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

/** Thrown by `MessageTemplates` when given overrides that `validateTemplateOverrides` refuses. */
export class InvalidTemplatesError extends Error {
  constructor(readonly problems: readonly TemplateProblem[]) {
    super(`Invalid message templates: ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`);
    this.name = 'InvalidTemplatesError';
  }
}

type Context = Record<string, string | boolean>;
type Compiled = Handlebars.TemplateDelegate<Context>;
type Table = Record<MessageKind, Record<Language, Record<MessagePart, Compiled>>>;

const COMPILE_OPTIONS: CompileOptions = {
  // Values are made safe per output below: HTML-escaping here would garble text and SMS.
  noEscape: true,
  // A placeholder without a value is a caller's bug, better thrown than sent as a blank.
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: { if: true, unless: true, each: false, with: false, lookup: false, log: false },
};

/**
 * The templates of one area, resolved part by part: an organisation's own text wins over
 * the area's, which wins over the default. Everything is validated and compiled when
 * constructed, so a bad area file fails at load and rendering only fills in values.
 */
export class MessageTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Compiled>();
  private readonly area: Table;
  private readonly organisations = new Map<string, Table>();

  /**
   * `areaOverrides` apply to every organisation; `organisationOverrides` (by organisation
   * code) win over them. Throws `InvalidTemplatesError` if any override is invalid.
   */
  constructor(
    areaOverrides: TemplateOverrides = {},
    organisationOverrides: ReadonlyMap<string, TemplateOverrides> = new Map(),
  ) {
    const problems = validateTemplateOverrides(areaOverrides, 'area');
    for (const [code, overrides] of organisationOverrides)
      problems.push(...validateTemplateOverrides(overrides, `organisations.${code}`));
    if (problems.length > 0) throw new InvalidTemplatesError(problems);

    // Validation refuses these already; unregistering them keeps a slip from reaching data.
    for (const helper of ['each', 'with', 'lookup', 'log'])
      this.handlebars.unregisterHelper(helper);

    this.area = this.table(areaOverrides, null);
    for (const [code, overrides] of organisationOverrides)
      this.organisations.set(code, this.table(overrides, this.area));
  }

  /**
   * Renders one message. An organisation without overrides of its own (or `null`) gets the
   * area's texts. Values are made single-line first; the HTML part escapes everything.
   */
  render<K extends MessageKind>(
    kind: K,
    language: Language,
    organisationCode: string | null,
    values: MessageValues[K],
  ): RenderedMessage {
    const table =
      (organisationCode === null ? undefined : this.organisations.get(organisationCode)) ??
      this.area;
    const templates = table[kind][language];
    const context = contextFor(kind, values);
    const text = tidyText(templates.text(context));
    return {
      subject: oneLine(templates.subject(context)),
      text,
      html: toHtml(text, language),
      sms: oneLine(templates.sms(context)),
    };
  }

  /** Every kind × language × part: the override if there is one, else `base` (or the default). */
  private table(overrides: TemplateOverrides, base: Table | null): Table {
    const table = {} as Table;
    for (const kind of MESSAGE_KINDS) {
      table[kind] = {} as Table[MessageKind];
      for (const language of MESSAGE_LANGUAGES) {
        table[kind][language] = {} as Table[MessageKind][Language];
        for (const part of MESSAGE_PARTS) {
          const own = overrides[kind]?.[language]?.[part];
          table[kind][language][part] =
            own !== undefined
              ? this.compile(own)
              : (base?.[kind][language][part] ??
                this.compile(DEFAULT_TEMPLATES[kind][language][part]));
        }
      }
    }
    return table;
  }

  private compile(source: string): Compiled {
    let template = this.compiled.get(source);
    if (template === undefined) {
      template = this.handlebars.compile<Context>(source, COMPILE_OPTIONS);
      this.compiled.set(source, template);
    }
    return template;
  }
}

/** Only the kind's own values, each string on one line and without control characters. */
function contextFor<K extends MessageKind>(kind: K, values: MessageValues[K]): Context {
  const given = values as unknown as Record<string, unknown>;
  const context: Context = {};
  for (const name of MESSAGE_VARIABLES[kind] as readonly string[]) {
    const value = given[name];
    if (typeof value === 'boolean') context[name] = value;
    else if (typeof value === 'string') context[name] = singleLine(value);
    else throw new TypeError(`${kind}: {{${name}}} needs a string or boolean value`);
  }
  return context;
}

/**
 * Line breaks become spaces and other control characters go, so that no value can start a
 * header line in the subject or fake a paragraph in the text.
 */
function singleLine(value: string): string {
  return value.replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/gu, ' ').replace(/\p{Cc}/gu, '');
}

function oneLine(rendered: string): string {
  return rendered.replace(/\s+/gu, ' ').trim();
}

/** Conditional parts leave stray spaces and blank lines; keep at most one blank line. */
function tidyText(rendered: string): string {
  return rendered
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** The text as a minimal HTML document: blank-line paragraphs, single newlines as `<br>`. */
export function toHtml(text: string, language: Language): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>`);
  return `<!doctype html><html lang="${language}"><meta charset="utf-8"><body>\n${paragraphs.join('\n')}\n</body></html>\n`;
}
