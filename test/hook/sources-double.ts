/** A DocumentSources that serves fixed documents, for in-process tests of the hook adapters. */
import { loadDocuments } from '../../src/engine/index.js';
import type { DocumentSources, SourcedDocuments } from '../../src/sources/document-sources.js';

export function fixedSources(text: string): DocumentSources {
  const loaded = loadDocuments(text, { source: 'test.yaml', origin: 'file' });
  if (loaded.errors.length > 0) throw new Error(`test documents do not load: ${loaded.errors.map((e) => e.message).join('; ')}`);
  const result: SourcedDocuments = { ok: true, documents: loaded.documents };
  return { fileDocuments: async () => result, forCall: async () => result };
}
