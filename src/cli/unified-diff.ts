/** `--diff`: the change as a unified diff (input → output), empty when nothing changed. */
import { createTwoFilesPatch } from 'diff';

export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: 3,
  });
  // The library opens with a line of `=` (an svn-style separator) that `diff -u` and `git apply` do without.
  return patch.replace(/^=+\n/, '');
}
