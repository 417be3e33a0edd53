/** The example folders: every folder of examples/, with examples/recipes/ standing for the recipes it holds. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const RECIPES = join('examples', 'recipes');

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name))
    .sort();
}

export function exampleFolders(root = 'examples'): string[] {
  return subfolders(root).flatMap((dir) =>
    dir === join(root, 'recipes') ? subfolders(dir) : [dir],
  );
}
