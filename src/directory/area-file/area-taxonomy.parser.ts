import type { AreaFileSchema, TermSchema } from './area-file.schema';
import type { PathSegment, ProblemSink } from './area-responses.parser';
import type { AreaSavedReply, AreaTaxonomy, TaxonomyTerm } from './area-definition';

/** The customer promises ("kundlöften") of PRODUCT.md, for an area file that names none. */
export const DEFAULT_PROMISES: readonly TaxonomyTerm[] = [
  term('timetable-punctuality', 'Tidtabell och punktlighet', 'Timetable and punctuality'),
  term('staff-treatment', 'Bemötande', 'Treatment by staff'),
  term('whole-clean-vehicles', 'Hela och rena fordon', 'Whole and clean vehicles'),
  term('working-toilets', 'Fungerande toaletter', 'Working toilets'),
  term('safety-service-on-board', 'Trygghet och service ombord', 'Safety and service on board'),
  term('wifi', 'Wifi ombord', 'Wifi on board'),
  term(
    'disruption-information',
    'Rätt störningsinformation i tid',
    'Correct disruption information in time',
  ),
];

/** Root-cause codes ("grundorsaker") handlers record, for an area file that names none. */
export const DEFAULT_ROOT_CAUSES: readonly TaxonomyTerm[] = [
  term('staff-conduct', 'Personalens agerande', 'Staff conduct'),
  term('staffing-shortage', 'Personalbrist', 'Staff shortage'),
  term('vehicle-fault', 'Fordonsfel', 'Vehicle fault'),
  term('cleaning', 'Städning och underhåll', 'Cleaning and maintenance'),
  term('congestion-roadworks', 'Framkomlighet och vägarbeten', 'Congestion and roadworks'),
  term('rail-infrastructure', 'Banarbete och infrastruktur', 'Track works and infrastructure'),
  term('timetable-planning', 'Tidtabell och planering', 'Timetable and planning'),
  term('information-systems', 'Informationssystem', 'Information systems'),
  term('weather', 'Väder', 'Weather'),
  term('third-party', 'Tredje part', 'Third party'),
  term('traveller-behaviour', 'Resenärers beteende', "Travellers' behaviour"),
  term('unknown', 'Okänd', 'Unknown'),
];

/**
 * The partnership's taxonomy, the categories' default tags and the saved replies, checked
 * against each other: a category may only name promises and focus areas the file defines.
 */
export function checkTaxonomy(
  file: AreaFileSchema,
  organisationCodes: ReadonlySet<string>,
  problems: ProblemSink,
): {
  taxonomy: AreaTaxonomy;
  categoryTags: Record<string, { promises: string[]; focusAreas: string[] }>;
  savedReplies: AreaSavedReply[];
} {
  const terms = (
    list: TermSchema[] | undefined,
    fallback: readonly TaxonomyTerm[],
    key: string,
  ): TaxonomyTerm[] => {
    if (!list) return [...fallback];
    const seen = new Set<string>();
    return list.map((item, index) => {
      if (seen.has(item.code))
        problems.add(['taxonomy', key, index, 'code'], `repeats the code ${item.code}`);
      seen.add(item.code);
      return { code: item.code, labelSv: item.label.sv, labelEn: item.label.en };
    });
  };
  const taxonomy: AreaTaxonomy = {
    promises: terms(file.taxonomy?.promises, DEFAULT_PROMISES, 'promises'),
    rootCauses: terms(file.taxonomy?.rootCauses, DEFAULT_ROOT_CAUSES, 'rootCauses'),
    focusAreas: terms(file.taxonomy?.focusAreas, [], 'focusAreas'),
  };

  const known = (list: TaxonomyTerm[]) => new Set(list.map((item) => item.code));
  const promiseCodes = known(taxonomy.promises);
  const focusAreaCodes = known(taxonomy.focusAreas);
  const categoryTags: Record<string, { promises: string[]; focusAreas: string[] }> = {};
  file.categories.forEach((category, index) => {
    const check = (codes: string[] | undefined, within: Set<string>, field: string, what: string) =>
      (codes ?? []).filter((code, position) => {
        const at: PathSegment[] = ['categories', index, field, position];
        if (!within.has(code)) problems.add(at, `${code} is not a ${what} in taxonomy`);
        return within.has(code);
      });
    categoryTags[category.code] = {
      promises: check(category.promises, promiseCodes, 'promises', 'promise'),
      focusAreas: check(category.focusAreas, focusAreaCodes, 'focusAreas', 'focus area'),
    };
  });

  const replyCodes = new Set<string>();
  const savedReplies = (file.savedReplies ?? []).map((reply, index): AreaSavedReply => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['savedReplies', index, ...rest];
    if (replyCodes.has(reply.code)) problems.add(at('code'), `repeats the code ${reply.code}`);
    replyCodes.add(reply.code);
    if (!reply.text?.sv && !reply.text?.en) problems.add(at('text'), 'needs sv, en or both');
    for (const language of ['sv', 'en'] as const) {
      const text = reply.text?.[language];
      // Only the case reference is filled in; anything else in braces would reach the traveller as is.
      const unknown = text?.match(/\{\{(?!\s*reference\s*\}\})[^}]*\}\}/);
      if (unknown) problems.add(at('text', language), `has the unknown placeholder ${unknown[0]}`);
    }
    (reply.organisations ?? []).forEach((code, position) => {
      if (!organisationCodes.has(code))
        problems.add(at('organisations', position), `names the unknown organisation ${code}`);
    });
    return {
      code: reply.code,
      titleSv: reply.title.sv,
      titleEn: reply.title.en,
      textSv: reply.text?.sv ?? null,
      textEn: reply.text?.en ?? null,
      organisationCodes: reply.organisations ?? [],
      position: index,
    };
  });
  return { taxonomy, categoryTags, savedReplies };
}

function term(code: string, labelSv: string, labelEn: string): TaxonomyTerm {
  return { code, labelSv, labelEn };
}
