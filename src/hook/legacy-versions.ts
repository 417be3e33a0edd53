/**
 * The legacy hook protocol versions, newest first: virt-launcher uses the newest of v1alpha3 >
 * v1alpha2 > v1alpha1 that Info lists.
 */

export type LegacyVersion = 'v1alpha1' | 'v1alpha2' | 'v1alpha3';

export const LEGACY_VERSIONS: readonly LegacyVersion[] = ['v1alpha3', 'v1alpha2', 'v1alpha1'];
