/**
 * An esbuild plugin for scripts/bundle.mjs: xmldom builds and freezes its table of 2,231 HTML
 * entities when it is loaded (≈ 4 ms of CPU, ≈ 20 ms at 200m); hookpatch parses XML only, so the
 * table is built when first read. xmldom is pinned to one release; when its entities.js changes
 * shape, the build fails instead of guessing (test/packaging/html-entities-on-demand.test.ts).
 */
import { readFileSync } from 'node:fs';

/** xmldom's lib/entities.js with HTML_ENTITIES (and its alias entityMap) built on first read. */
export function entitiesOnDemand(source, path = 'entities.js') {
  const start = 'exports.HTML_ENTITIES = freeze({';
  const alias = 'exports.entityMap = exports.HTML_ENTITIES;';
  const [table, rest, extra] = source.split(alias);
  const end = table?.lastIndexOf('});') ?? -1;
  if (rest === undefined || extra !== undefined || end < 0 || table.split(start).length !== 2)
    throw new Error(`${path} is not the shape scripts/html-entities-on-demand.mjs expects`);
  const lazy = (name, value) =>
    `Object.defineProperty(exports, '${name}', { enumerable: true, get: function () { return ${value}; } });`;
  return (
    table.slice(0, end).replace(start, 'function htmlEntities() { return freeze({') +
    '}); }\nvar builtHtmlEntities;\n' +
    lazy('HTML_ENTITIES', 'builtHtmlEntities || (builtHtmlEntities = htmlEntities())') +
    lazy('entityMap', 'exports.HTML_ENTITIES') +
    table.slice(end + 3) +
    rest
  );
}

export const htmlEntitiesOnDemand = {
  name: 'html-entities-on-demand',
  setup(builder) {
    builder.onLoad({ filter: /@xmldom[\\/]xmldom[\\/]lib[\\/]entities\.js$/ }, (args) => ({
      contents: entitiesOnDemand(readFileSync(args.path, 'utf8'), args.path),
      loader: 'js',
    }));
  },
};
