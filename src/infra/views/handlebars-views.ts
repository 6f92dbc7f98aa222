import Handlebars from 'handlebars';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * An isolated Handlebars environment with the partials of `<directory>/partials`, and a
 * reader that parses each template as it is read: a broken template stops the start-up,
 * not somebody's request. Every server-rendered page set (the traveller's form, the
 * inbox) compiles its templates through this.
 */
export function handlebarsViews(directory: string): {
  handlebars: typeof Handlebars;
  read: (file: string) => string;
} {
  const handlebars = Handlebars.create();
  const read = (file: string) => {
    const source = readFileSync(file, 'utf8');
    handlebars.parse(source);
    return source;
  };
  const partials = join(directory, 'partials');
  for (const file of readdirSync(partials).filter((name) => name.endsWith('.hbs')))
    handlebars.registerPartial(basename(file, '.hbs'), read(join(partials, file)));
  return { handlebars, read };
}
