/** The namespace prefixes a patch document binds, for its XPaths and fragments. */

/** prefix -> namespace URI; always contains the predefined `qemu` prefix */
export type Namespaces = Readonly<Record<string, string>>;

export const QEMU_NAMESPACE = 'http://libvirt.org/schemas/domain/qemu/1.0';
