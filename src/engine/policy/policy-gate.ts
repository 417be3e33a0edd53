/**
 * What is decided about a call's annotation documents before anything is applied: a policy that
 * does not load refuses them all, and `limits` bounds how many documents, operations and bytes
 * one VMI may bring — so nothing large is applied only to be refused afterwards.
 */
import type { PatchError } from '../errors.js';
import type { PatchDocument } from '../model.js';
import type { AnnotationPolicy, PolicyLoad } from './annotation-policy.js';

function operations(document: PatchDocument): number {
  return (
    document.domain.length +
    document.cloudInit.length +
    document.userData.length +
    document.networkData.length
  );
}

/** The first limit the annotation documents exceed, at the first document over it. */
function exceededLimit(
  documents: readonly PatchDocument[],
  policy: AnnotationPolicy,
): PatchError | undefined {
  const { limits } = policy;
  let count = 0;
  let ops = 0;
  let bytes = 0;
  for (const document of documents) {
    count += 1;
    ops += operations(document);
    bytes += document.bytes;
    const over =
      limits.documents !== undefined && count > limits.documents
        ? `more than ${limits.documents} documents (limits.documents)`
        : limits.operations !== undefined && ops > limits.operations
          ? `more than ${limits.operations} operations (limits.operations)`
          : limits.bytes !== undefined && bytes > limits.bytes
            ? `more than ${limits.bytes} bytes (limits.bytes)`
            : undefined;
    if (over !== undefined)
      return {
        code: 'POLICY_DENIED',
        message: `the annotation brings ${over} of the annotation policy ${policy.source}`,
        location: { ...document.at, document: document.name },
      };
  }
  return undefined;
}

/** POLICY_DENIED for the call when its annotation documents cannot be allowed whatever they do. */
export function policyGate(
  documents: readonly PatchDocument[],
  policy: PolicyLoad | undefined,
): PatchError | undefined {
  const annotation = documents.filter((document) => document.origin === 'annotation');
  const [first] = annotation;
  if (policy === undefined || first === undefined) return undefined;
  if (!policy.ok)
    return {
      code: 'POLICY_DENIED',
      message: `the annotation policy does not load, so no annotation document is allowed (${policy.error.message})`,
      location: { ...first.at, document: first.name },
    };
  return exceededLimit(annotation, policy.policy);
}
