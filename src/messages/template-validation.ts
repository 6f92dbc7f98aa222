import Handlebars from 'handlebars';
import {
  type Language,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  MESSAGE_PARTS,
  MESSAGE_VARIABLES,
  type MessageKind,
  type MessagePart,
} from './message-kinds';

/** Texts an area file (or one of its organisations) puts in place of the defaults, part by part. */
export type TemplateOverrides = Partial<
  Record<MessageKind, Partial<Record<Language, Partial<Record<MessagePart, string>>>>>
>;

/** One thing wrong with the overrides, at the full dotted path of the offending key. */
export interface TemplateProblem {
  path: string;
  reason: string;
}

/** The only helpers a template may use; both take one placeholder and need a block. */
const CONDITIONALS: ReadonlySet<string> = new Set(['if', 'unless']);
/** Handlebars' other built-ins, named so that using one reads as a refused helper, not a typo. */
const REFUSED_HELPERS: ReadonlySet<string> = new Set([
  'each',
  'with',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
]);

const parser = Handlebars.create();

/**
 * Checks overrides as read from a YAML area file. Templates are written by area staff and
 * rendered for every case, so anything beyond plain placeholders and `{{#if}}`/`{{#unless}}`
 * is refused here, before the file is taken into use. An empty result means valid.
 */
export function validateTemplateOverrides(raw: unknown, path: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (!isMapping(raw)) {
    problems.push({ path, reason: `must be a mapping of message kinds (${list(MESSAGE_KINDS)})` });
    return problems;
  }
  for (const [kind, byLanguage] of Object.entries(raw)) {
    const kindPath = `${path}.${kind}`;
    if (!isOneOf(MESSAGE_KINDS, kind)) {
      problems.push({
        path: kindPath,
        reason: `unknown message kind "${kind}"; known: ${list(MESSAGE_KINDS)}`,
      });
      continue;
    }
    if (!isMapping(byLanguage)) {
      problems.push({
        path: kindPath,
        reason: `must be a mapping of languages (${list(MESSAGE_LANGUAGES)})`,
      });
      continue;
    }
    for (const [language, byPart] of Object.entries(byLanguage)) {
      const languagePath = `${kindPath}.${language}`;
      if (!isOneOf(MESSAGE_LANGUAGES, language)) {
        problems.push({
          path: languagePath,
          reason: `unknown language "${language}"; known: ${list(MESSAGE_LANGUAGES)}`,
        });
        continue;
      }
      if (!isMapping(byPart)) {
        problems.push({
          path: languagePath,
          reason: `must be a mapping of message parts (${list(MESSAGE_PARTS)})`,
        });
        continue;
      }
      for (const [part, source] of Object.entries(byPart)) {
        const partPath = `${languagePath}.${part}`;
        if (!isOneOf(MESSAGE_PARTS, part)) {
          problems.push({
            path: partPath,
            reason: `unknown message part "${part}"; known: ${list(MESSAGE_PARTS)}`,
          });
        } else if (typeof source !== 'string' || source.trim() === '') {
          problems.push({ path: partPath, reason: 'must be a non-empty string' });
        } else {
          for (const reason of templateProblems(kind, source))
            problems.push({ path: partPath, reason });
          // Mail clients and handlers find the case by the reference in the subject.
          if (part === 'subject' && !/\{\{\s*reference\s*\}\}/.test(source))
            problems.push({ path: partPath, reason: 'must contain {{reference}}' });
        }
      }
    }
  }
  return problems;
}

/** What is wrong with one template of a kind, as reasons; empty when it may be used. */
export function templateProblems(kind: MessageKind, source: string): string[] {
  let program: hbs.AST.Program;
  try {
    program = parser.parse(source);
  } catch (error) {
    return [`Handlebars syntax error: ${syntaxMessage(error)}`];
  }
  const walker = new TemplateWalker(MESSAGE_VARIABLES[kind]);
  walker.program(program);
  return [...new Set(walker.reasons)];
}

/** Parse errors span several lines (an excerpt and a caret); the first and the "got" suffice. */
function syntaxMessage(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n');
  const got = /got '([^']+)'$/.exec(lines[lines.length - 1] ?? '');
  return got && lines.length > 1 ? `${lines[0]} unexpected ${got[1]}` : (lines[0] ?? '');
}

class TemplateWalker {
  readonly reasons: string[] = [];

  constructor(private readonly known: readonly string[]) {}

  program(program: hbs.AST.Program | undefined): void {
    for (const statement of program?.body ?? []) this.statement(statement);
  }

  private statement(node: hbs.AST.Statement): void {
    switch (node.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement':
        return this.mustache(node as hbs.AST.MustacheStatement);
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement);
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = (node as hbs.AST.PartialStatement).name;
        const shown = name.type === 'PathExpression' ? name.original : '(…)';
        this.reasons.push(`partials ({{> ${shown}}}) are not allowed`);
        return;
      }
      case 'Decorator':
      case 'DecoratorBlock':
        this.reasons.push('decorators ({{* name}}) are not allowed');
        return;
      default:
        this.reasons.push(`${node.type} is not allowed`);
    }
  }

  private mustache(node: hbs.AST.MustacheStatement): void {
    const call = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (node.path.type !== 'PathExpression') {
      this.reasons.push('a literal cannot stand as a placeholder');
    } else {
      const path = node.path as hbs.AST.PathExpression;
      const name = this.simpleName(path);
      if (name !== null) {
        if (CONDITIONALS.has(name))
          this.reasons.push(`{{${name}}} must be a block: {{#${name} placeholder}}…{{/${name}}}`);
        else if (REFUSED_HELPERS.has(name) && !this.known.includes(name))
          this.reasons.push(refusedHelper(name));
        else if (!this.known.includes(name)) this.reasons.push(this.unknown(name));
        else if (call) this.reasons.push(`placeholder {{${name}}} takes no arguments`);
      }
    }
    this.arguments(node.params, node.hash);
  }

  private block(node: hbs.AST.BlockStatement): void {
    const name = this.simpleName(node.path);
    if (name !== null) {
      if (CONDITIONALS.has(name)) {
        if (node.params.length !== 1)
          this.reasons.push(`{{#${name}}} takes exactly one placeholder`);
        if ((node.hash?.pairs.length ?? 0) > 0)
          this.reasons.push(`{{#${name}}} takes no options (name=value)`);
      } else if (REFUSED_HELPERS.has(name)) {
        this.reasons.push(refusedHelper(name));
      } else if (this.known.includes(name)) {
        this.reasons.push(
          `sections ({{#${name}}} or {{^${name}}}) are not allowed; use {{#if ${name}}} or {{#unless ${name}}}`,
        );
      } else {
        this.reasons.push(refusedHelper(name));
      }
    }
    this.arguments(node.params, node.hash);
    this.program(node.program);
    this.program(node.inverse);
  }

  private arguments(params: hbs.AST.Expression[], hash: hbs.AST.Hash | undefined): void {
    for (const param of params) this.expression(param);
    for (const pair of hash?.pairs ?? []) this.expression(pair.value);
  }

  private expression(node: hbs.AST.Expression): void {
    if (node.type === 'PathExpression') {
      const name = this.simpleName(node as hbs.AST.PathExpression);
      if (name !== null && !this.known.includes(name)) this.reasons.push(this.unknown(name));
    } else if (node.type === 'SubExpression') {
      const sub = node as hbs.AST.SubExpression;
      const name = this.simpleName(sub.path);
      if (name !== null)
        this.reasons.push(
          CONDITIONALS.has(name)
            ? `sub-expressions ((${name} …)) are not allowed`
            : refusedHelper(name),
        );
      this.arguments(sub.params, sub.hash);
    }
    // Literals ("text", 1, true) are harmless as conditions.
  }

  /** The placeholder a path names, or null (and a reason) when it reaches beyond the values. */
  private simpleName(path: hbs.AST.PathExpression): string | null {
    const shown = `{{${path.original}}}`;
    if (path.data) this.reasons.push(`@data variables (${shown}) are not allowed`);
    else if (path.depth > 0 || path.original.includes('..'))
      this.reasons.push(`parent paths (${shown}) are not allowed`);
    else if (path.parts.length === 0 || /^(this\b|\.)/.test(path.original))
      this.reasons.push(`${shown} is not allowed; name the placeholder alone`);
    else if (path.parts.length > 1)
      this.reasons.push(`dotted paths (${shown}) are not allowed; placeholders are plain names`);
    else return path.parts[0];
    return null;
  }

  private unknown(name: string): string {
    return `unknown placeholder {{${name}}}; known: ${list(this.known)}`;
  }
}

function refusedHelper(name: string): string {
  return `helper "${name}" is not allowed; only {{#if}} and {{#unless}} are`;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function list(values: readonly string[]): string {
  return values.join(', ');
}
