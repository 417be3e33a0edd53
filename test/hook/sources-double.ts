/** A DocumentSources that serves fixed documents (file ones, then annotation ones), for in-process tests of the hook adapters. */
import { loadDocuments, type PatchDocument } from '../../src/engine/index.js';
import type { DocumentSources, SourcedDocuments } from '../../src/sources/index.js';

function load(text: string, origin: 'file' | 'annotation'): readonly PatchDocument[] {
  const source = origin === 'file' ? 'test.yaml' : 'annotation:hookpatch.io/patch';
  const loaded = loadDocuments(text, { source, origin });
  if (loaded.errors.length > 0)
    throw new Error(
      `test documents do not load: ${loaded.errors.map((e) => e.message).join('; ')}`,
    );
  return loaded.documents;
}

export function fixedSources(fileText: string, annotationText?: string): DocumentSources {
  const documents = [
    ...load(fileText, 'file'),
    ...(annotationText === undefined ? [] : load(annotationText, 'annotation')),
  ];
  const result: SourcedDocuments = { ok: true, documents };
  return { fileDocuments: async () => result, forCall: async () => result };
}
