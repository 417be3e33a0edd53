/** The engine's public surface: pure functions from strings and objects to results. */
export * from './errors.js';
export * from './model.js';
export * from './report.js';
export * from './warnings.js';
export { formatError, formatWarning } from './format-error.js';
export { loadDocuments } from './load/load-documents.js';
export { applyDomain, applyDomainSteps } from './apply-domain.js';
export { applyCloudInit, applyCloudInitSteps, type CloudInitResult } from './apply-cloud-init.js';
export { runSteps, type Steps } from './steps.js';
export { installXmldomRegexpCache } from './xml/xmldom-regexp-cache.js';
export type { AnnotationPolicy, PolicyLoad } from './policy/annotation-policy.js';
export { loadAnnotationPolicy } from './policy/load-policy.js';
export { policyGate } from './policy/policy-gate.js';
