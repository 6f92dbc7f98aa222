import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAreaFile } from './area-file.parser';
import { DEFAULT_PROMISES, DEFAULT_ROOT_CAUSES } from './area-taxonomy.parser';

const demo = readFileSync(join(__dirname, '..', '..', '..', 'area', 'demo-uppsala.yaml'), 'utf8');

function problemsOf(text: string): Array<{ path: string; line: number | null; reason: string }> {
  const result = parseAreaFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems;
}

describe('the area file taxonomy and saved replies', () => {
  it('tags the demo categories with promises and focus areas and keeps the built-in lists', () => {
    const result = parseAreaFile(demo);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { categories, taxonomy, savedReplies } = result.definition;
    expect(categories.find((c) => c.code === 'punctuality')).toMatchObject({
      promises: ['timetable-punctuality'],
      focusAreas: ['punctuality'],
    });
    expect(categories.find((c) => c.code === 'praise')).toMatchObject({
      promises: [],
      focusAreas: [],
    });
    expect(taxonomy.promises).toEqual(DEFAULT_PROMISES);
    expect(taxonomy.rootCauses).toEqual(DEFAULT_ROOT_CAUSES);
    expect(taxonomy.focusAreas.map((term) => term.code)).toContain('disruption-information');
    expect(savedReplies.find((reply) => reply.code === 'driver-feedback')).toMatchObject({
      organisationCodes: ['GUB'],
      textEn: null,
    });
  });

  it('refuses a category naming a promise or focus area the taxonomy lacks, with the line', () => {
    const text = demo.replace(
      'promises: [working-toilets]',
      'promises: [working-toilets, free-coffee]',
    );
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'categories[3].promises[1]',
        reason: 'free-coffee is not a promise in taxonomy',
      }),
    ]);
    expect(problems[0].line).toBe(text.split('\n').findIndex((l) => l.includes('free-coffee')) + 1);
  });

  it('refuses repeated codes, a reply in no language, unknown placeholders and organisations', () => {
    const text = demo.replace(
      'savedReplies:\n',
      `savedReplies:
  - code: thanks-looking-into-it
    title: { sv: Igen, en: Again }
    text: {}
  - code: hello
    title: { sv: Hej, en: Hello }
    organisations: [NOBODY]
    text: { sv: 'Hej {{name}}, ärende {{ reference }}' }
`,
    );
    expect(problemsOf(text).map(({ path, reason }) => `${path}: ${reason}`)).toEqual([
      'savedReplies[0].text: needs sv, en or both',
      'savedReplies[1].text.sv: has the unknown placeholder {{name}}',
      'savedReplies[1].organisations[0]: names the unknown organisation NOBODY',
      'savedReplies[2].code: repeats the code thanks-looking-into-it',
    ]);
  });

  it('lets an area replace the built-in promises', () => {
    const text = demo
      .replace(/\n {4}promises: \[[^\]]*\]/g, '')
      .replace(
        'taxonomy:\n',
        'taxonomy:\n  promises:\n    - { code: comfort, label: { sv: Komfort, en: Comfort } }\n',
      );
    const result = parseAreaFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.definition.taxonomy.promises.map((term) => term.code)).toEqual(['comfort']);
  });
});
