/** The node CEL's `node` describes: `NODE_NAME`, which deploy/ sets from the pod's `spec.nodeName` (downward API). */
import type { NodeInfo } from '../engine/index.js';

export function nodeFromEnv(env: NodeJS.ProcessEnv): NodeInfo {
  return { name: env.NODE_NAME ?? '' };
}
