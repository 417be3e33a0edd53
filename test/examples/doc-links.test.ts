/** Every relative link of the README and docs/*.md leads to a file that exists, and every #anchor to a heading there. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';

const PAGES = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text a reader sees as prose: fenced blocks and inline code hold no links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, 'code');
}

/** GitHub's anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const [, title = ''] of markdown
    .replace(/^```[\s\S]*?^```$/gm, '')
    .matchAll(/^#{1,6} (.*)$/gm)) {
    const slug = title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\- _]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    result.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return result;
}

function links(markdown: string): string[] {
  return [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '');
}

test('the pages hold relative links to check', () => {
  const relative = PAGES.flatMap((page) => links(readFileSync(page, 'utf8')));
  assert.ok(relative.filter((target) => !/^[a-z]+:/.test(target)).length > 20);
});

for (const page of PAGES) {
  test(`${page}: every relative link resolves`, () => {
    const broken: string[] = [];
    for (const target of links(readFileSync(page, 'utf8'))) {
      if (/^[a-z]+:/.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? page : normalize(join(dirname(page), path));
      if (!existsSync(file)) {
        broken.push(`${target}: no ${file}`);
        continue;
      }
      if (
        anchor !== undefined &&
        file.endsWith('.md') &&
        !anchors(readFileSync(file, 'utf8')).has(anchor)
      )
        broken.push(`${target}: no heading #${anchor} in ${file}`);
    }
    assert.deepEqual(broken, []);
  });
}
