/** Where documents come from (files, directories, ConfigMap mounts, the annotation): one way for every command. */
export { applyDocuments, type CommandLineSources } from './command-line-sources.js';
export {
  documentSources,
  hasCloudInitOperations,
  type DocumentSources,
  type SourceSettings,
} from './document-sources.js';
export type { SourcedDocuments } from './gather-documents.js';
export { noteMessage, sourceError, type SourceNote, type SourceProblem } from './source-problem.js';
export {
  validationSources,
  type ValidatedFile,
  type ValidationSources,
} from './validate-sources.js';
export { policyOrRefusal, readPolicyFile, type PolicyFile } from './read-policy-file.js';
