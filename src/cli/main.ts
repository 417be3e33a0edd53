#!/usr/bin/env node
/** STUB (owner: command line): `hookpatch <serve|apply|validate|schema>`. */
process.stderr.write('hookpatch: not implemented yet\n');
process.exitCode = 2;
