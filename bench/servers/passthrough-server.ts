/** The transport-only floor: a grpc-js hook server that returns the domain XML unchanged. */
import { serveHook } from './hook-server.js';

serveHook('passthrough', ['v1alpha3', 'v1alpha2', 'v1alpha1'], (domainXml) =>
  Promise.resolve(domainXml),
);
