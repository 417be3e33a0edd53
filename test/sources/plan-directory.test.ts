/** What a patch directory's entries become, from names and kinds alone: order, filters, refusals and notes. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPatchFileName } from '../../src/engine/load/patch-file-name.js';
import { planDirectory, type ListedEntry } from '../../src/sources/plan-directory.js';

test('patch file names: yaml, yml, json and RFC 5261 xml, never dot entries', () => {
  const rows: ReadonlyArray<[string, boolean]> = [
    ['a.yaml', true],
    ['b.yml', true],
    ['c.json', true],
    ['d.xml', true],
    ['notes.txt', false],
    ['..data', false],
    ['.hidden.yaml', false],
    ['yaml', false],
  ];
  for (const [name, expected] of rows) assert.equal(isPatchFileName(name), expected, name);
});

const entries: readonly ListedEntry[] = [
  { name: 'z.yaml', kind: 'file' },
  { name: 'sub', kind: 'directory' },
  { name: 'a.json', kind: 'file' },
  { name: '..data', kind: 'directory' },
  { name: '.x.yaml', kind: 'file' },
  { name: 'notes.txt', kind: 'file' },
  { name: 'pipe.yaml', kind: 'FIFO' },
  { name: 'dev.yml', kind: 'character device' },
  { name: 'sock.json', kind: 'socket' },
  { name: 'link.yaml', kind: 'dangling' },
  { name: 'gone.yaml', kind: 'gone' },
  { name: 'm.xml', kind: 'file' },
  { name: 'dir.yaml', kind: 'directory' },
];

test('a directory: patch files by name; special files refused, dangling links noted, vanished entries dropped', () => {
  assert.deepEqual(
    planDirectory(entries, { recursive: false }).map((action) => [action.action, action.name]),
    [
      ['read', 'a.json'],
      ['refuse', 'dev.yml'],
      ['note dangling', 'link.yaml'],
      ['read', 'm.xml'],
      ['refuse', 'pipe.yaml'],
      ['refuse', 'sock.json'],
      ['read', 'z.yaml'],
    ],
  );
});

test('recursive: sub-directories in name order among the files, dot directories never', () => {
  assert.deepEqual(
    planDirectory(entries, { recursive: true })
      .filter((action) => action.action === 'read' || action.action === 'descend')
      .map((action) => [action.action, action.name]),
    [
      ['read', 'a.json'],
      ['descend', 'dir.yaml'],
      ['read', 'm.xml'],
      ['descend', 'sub'],
      ['read', 'z.yaml'],
    ],
  );
});

test('the reason of a refusal is the kind of file found', () => {
  const refusal = planDirectory([{ name: 'p.yaml', kind: 'FIFO' }], { recursive: false })[0];
  assert.deepEqual(refusal, { action: 'refuse', name: 'p.yaml', what: 'FIFO' });
});
