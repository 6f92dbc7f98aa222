import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { Document, LineCounter, parseDocument } from 'yaml';
import { AreaDefinition, AreaFileProblem, REQUIRED_CATEGORY_CODES } from './area-definition';
import { AreaFileSchema, ContractSchema } from './area-file.schema';
import { checkResponses, PathSegment } from './area-responses.parser';
import { checkTaxonomy } from './area-taxonomy.parser';

export type AreaFileResult =
  { ok: true; definition: AreaDefinition } | { ok: false; problems: AreaFileProblem[] };

function formatPath(segments: PathSegment[]): string {
  return segments.reduce<string>(
    (path, segment) =>
      typeof segment === 'number' ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment,
    '',
  );
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Collects every problem with its path and, from the YAML source, its line. */
class Problems {
  readonly list: AreaFileProblem[] = [];

  constructor(
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  add(segments: PathSegment[], reason: string): void {
    this.list.push({ path: formatPath(segments) || '(file)', line: this.lineOf(segments), reason });
  }

  private lineOf(segments: PathSegment[]): number | null {
    // The deepest node that exists: a missing key is reported at its parent.
    for (let depth = segments.length; depth >= 0; depth--) {
      const node = this.document.getIn(segments.slice(0, depth), true) as
        { range?: [number, number, number] } | undefined;
      if (node?.range) return this.lines.linePos(node.range[0]).line;
    }
    return null;
  }

  addValidationErrors(errors: ValidationError[], parent: PathSegment[] = []): void {
    for (const error of errors) {
      const segment = /^\d+$/.test(error.property) ? Number(error.property) : error.property;
      const path = [...parent, segment];
      // The first declared constraint is the one to report; the others follow from it.
      const [first] = Object.entries(error.constraints ?? {}).reverse();
      if (first) {
        const [constraint, message] = first;
        const reason =
          constraint === 'whitelistValidation'
            ? 'is not a known field'
            : message.startsWith(`${error.property} `)
              ? message.slice(error.property.length + 1)
              : message;
        this.add(path, reason);
      }
      this.addValidationErrors(error.children ?? [], path);
    }
  }
}

/**
 * Reads an area file completely and reports every problem with its place in the file;
 * only a file without any problem becomes an AreaDefinition.
 */
export function parseAreaFile(text: string): AreaFileResult {
  const lines = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const problems = new Problems(document, lines);
  for (const error of document.errors) {
    problems.list.push({
      path: '(yaml)',
      line: lines.linePos(error.pos[0]).line,
      reason: error.message.split('\n')[0],
    });
  }
  if (problems.list.length) return { ok: false, problems: problems.list };

  const raw: unknown = document.toJS();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ path: '(file)', line: 1, reason: 'must be a YAML mapping' }] };
  }
  const file = plainToInstance(AreaFileSchema, raw);
  problems.addValidationErrors(validateSync(file, { whitelist: true, forbidNonWhitelisted: true }));
  const shapeProblems = problems.list.length;
  try {
    const definition = checkReferences(file, problems);
    if (!problems.list.length) return { ok: true, definition };
  } catch (error) {
    // A file of the wrong shape may trip the reference checks; its shape problems say why.
    if (!shapeProblems) throw error;
  }
  const seen = new Set<string>();
  return {
    ok: false,
    problems: problems.list.filter((problem) => !seen.has(problem.path) && seen.add(problem.path)),
  };
}

function checkReferences(file: AreaFileSchema, problems: Problems): AreaDefinition {
  const organisationKinds = new Map<string, string>([[file.authority.code, 'authority']]);
  file.organisations.forEach((organisation, index) => {
    if (organisationKinds.has(organisation.code))
      problems.add(['organisations', index, 'code'], `repeats the code ${organisation.code}`);
    organisationKinds.set(organisation.code, organisation.kind);
  });

  const categoryCodes = new Set<string>();
  file.categories.forEach((category, index) => {
    if (categoryCodes.has(category.code))
      problems.add(['categories', index, 'code'], `repeats the code ${category.code}`);
    categoryCodes.add(category.code);
  });
  for (const required of REQUIRED_CATEGORY_CODES) {
    if (!categoryCodes.has(required))
      problems.add(['categories'], `lacks the category ${required}`);
  }

  const resolveOwner = (value: unknown, path: PathSegment[], operator?: string): string => {
    if (typeof value !== 'string') {
      problems.add(path, 'must be authority, operator or an organisation code');
      return '';
    }
    if (value === 'authority') return file.authority.code;
    if (value === 'operator') {
      if (operator) return operator;
      problems.add(path, 'cannot be operator outside a contract');
      return '';
    }
    if (!organisationKinds.has(value))
      problems.add(path, `names the unknown organisation ${value}`);
    return value;
  };

  const lineAliases: Record<string, string[]> = {};
  for (const [alias, lines] of Object.entries(file.lineAliases ?? {})) {
    if (
      !Array.isArray(lines) ||
      lines.some((line) => typeof line !== 'string' && typeof line !== 'number')
    ) {
      problems.add(['lineAliases', alias], 'must be a list of line names');
      continue;
    }
    lineAliases[alias.trim().toLowerCase()] = lines.map(String);
  }

  const withoutContract: Record<string, string> = {};
  for (const [category, owner] of Object.entries(file.withoutContract ?? {})) {
    if (!categoryCodes.has(category))
      problems.add(['withoutContract', category], `is not a category in this file`);
    withoutContract[category] = resolveOwner(owner, ['withoutContract', category]);
  }

  const contractCodes = new Set<string>();
  const contracts = file.contracts.map((contract, index) => {
    const at = (...rest: PathSegment[]) => ['contracts', index, ...rest];
    if (contractCodes.has(contract.code))
      problems.add(at('code'), `repeats the code ${contract.code}`);
    contractCodes.add(contract.code);
    const operatorKind = organisationKinds.get(contract.operator);
    if (!operatorKind)
      problems.add(at('operator'), `names the unknown organisation ${contract.operator}`);
    else if (operatorKind === 'authority')
      problems.add(at('operator'), 'must not be the authority itself');
    checkDates(contract, at, problems);
    const scope = {
      agencies: contract.scope.agencies ?? [],
      routes: contract.scope.routes ?? [],
      lines: (contract.scope.lines ?? []).map(String),
      operatorNames: contract.scope.operatorNames ?? [],
    };
    if (!scope.agencies.length && !scope.routes.length && !scope.lines.length)
      problems.add(at('scope'), 'must name agencies, routes or lines');
    const rules: Record<string, string> = {};
    for (const [category, owner] of Object.entries(contract.responsibility.rules ?? {})) {
      if (!categoryCodes.has(category))
        problems.add(at('responsibility', 'rules', category), 'is not a category in this file');
      rules[category] = resolveOwner(
        owner,
        at('responsibility', 'rules', category),
        contract.operator,
      );
    }
    return {
      code: contract.code,
      name: contract.name,
      operatorCode: contract.operator,
      validFrom: contract.validFrom,
      validTo: contract.validTo ?? null,
      mode: contract.mode,
      regime: contract.regime,
      scope,
      responsibility: {
        default: resolveOwner(
          contract.responsibility.default,
          at('responsibility', 'default'),
          contract.operator,
        ),
        rules,
      },
    };
  });

  const { taxonomy, categoryTags, savedReplies } = checkTaxonomy(
    file,
    new Set(organisationKinds.keys()),
    problems,
  );

  return {
    name: file.area.name,
    timeZone: file.area.timeZone,
    authorityCode: file.authority.code,
    organisations: [
      { code: file.authority.code, name: file.authority.name, kind: 'authority' },
      ...file.organisations.map(({ code, name, kind }) => ({ code, name, kind })),
    ],
    categories: file.categories.map((category, position) => ({
      code: category.code,
      labelSv: category.label.sv,
      labelEn: category.label.en,
      urgent: category.urgent ?? false,
      position,
      promises: categoryTags[category.code]?.promises ?? [],
      focusAreas: categoryTags[category.code]?.focusAreas ?? [],
    })),
    lineAliases,
    withoutContract,
    contracts,
    responses: checkResponses(file, problems),
    privacy: { retentionDays: file.privacy?.retentionDays ?? DEFAULT_RETENTION_DAYS },
    taxonomy,
    savedReplies,
  };
}

/** A year, when the area file says nothing about retention. */
export const DEFAULT_RETENTION_DAYS = 365;

function checkDates(
  contract: ContractSchema,
  at: (...rest: PathSegment[]) => PathSegment[],
  problems: Problems,
): void {
  if (!isRealDate(contract.validFrom))
    problems.add(at('validFrom'), `${contract.validFrom} is not a calendar date`);
  if (contract.validTo !== undefined) {
    if (!isRealDate(contract.validTo))
      problems.add(at('validTo'), `${contract.validTo} is not a calendar date`);
    else if (contract.validTo < contract.validFrom)
      problems.add(at('validTo'), 'is before validFrom');
  }
}
