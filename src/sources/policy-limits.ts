/** The annotation policy's `limits`: how many annotation documents, operations and bytes one VMI may bring. */
import type { PatchDocument, PatchError } from '../engine/index.js';
import type { AnnotationPolicy } from './annotation-policy.js';

function operations(document: PatchDocument): number {
  return (
    document.domain.length +
    document.cloudInit.length +
    document.userData.length +
    document.networkData.length
  );
}

/** The first limit the annotation documents exceed, as a POLICY_DENIED error at the first document over it. */
export function exceededLimit(
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
        message: `the annotation brings ${over} of ${policy.source}`,
        location: document.at,
      };
  }
  return undefined;
}
