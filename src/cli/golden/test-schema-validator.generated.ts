/* eslint-disable */
// Generated from schemas/test.schema.json by test/cli/test-schema-validator.test.ts
// (run it with UPDATE_GENERATED=1 after changing the schema); do not edit.
// @ts-nocheck
'use strict';
export const validate = validate10;
export default validate10;
const schema11 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://hookpatch.io/schemas/test.schema.json',
  title: 'hookpatch golden tests (hookpatch-test.yaml)',
  description:
    'The cases `hookpatch test` runs: each applies patch documents to an input domain XML or CloudInitData JSON, as a hook call would, and expects either an output file (compared byte for byte, and unchanged when the patches are applied again to it) or an error code. Paths are relative to the folder of this file.',
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind', 'cases'],
  properties: {
    apiVersion: { const: 'hookpatch.io/v1alpha1' },
    kind: { const: 'Test' },
    metadata: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: {
          type: 'string',
          pattern: '\\S',
          description: "printed before each case's name; the folder's path when absent",
        },
      },
    },
    cases: { type: 'array', minItems: 1, items: { $ref: '#/definitions/case' } },
  },
  definitions: {
    path: { type: 'string', pattern: '\\S' },
    case: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: {
          type: 'string',
          pattern: '\\S',
          description: 'unique in the file; names the case on its line of output and in JUnit XML',
        },
        patches: {
          type: 'array',
          items: { $ref: '#/definitions/path' },
          description:
            "patch files or directories (their *.yaml, *.yml, *.json, *.xml by name), in order; the VMI's hookpatch.io/patch annotation is read after them, as in a call. Empty or absent: the annotation only",
        },
        domain: {
          $ref: '#/definitions/path',
          description: 'the input domain XML (OnDefineDomain / MutateDomain)',
        },
        cloudInit: {
          $ref: '#/definitions/path',
          description: 'the input CloudInitData JSON (PreCloudInitIso)',
        },
        vmi: {
          $ref: '#/definitions/path',
          description: 'a VirtualMachineInstance or VirtualMachine, JSON or YAML; {} when absent',
        },
        context: { enum: ['Boot', 'MigrationSource', 'MigrationTarget'], default: 'Boot' },
        node: {
          type: 'string',
          description: "CEL's node.name, as NODE_NAME gives it to serve; '' when absent",
        },
        expected: {
          $ref: '#/definitions/path',
          description: 'the file the output must equal, byte for byte',
        },
        error: {
          enum: [
            'YAML_SYNTAX',
            'SCHEMA_VIOLATION',
            'UNKNOWN_OP',
            'MISSING_FIELD',
            'UNKNOWN_FIELD',
            'DUPLICATE_NAME',
            'XPATH_SYNTAX',
            'UNKNOWN_PREFIX',
            'NOT_SIMPLE_PATH',
            'FRAGMENT_MALFORMED',
            'POINTER_SYNTAX',
            'CEL_SYNTAX',
            'UNKNOWN_VAR',
            'DOCTYPE_REFUSED',
            'XML_MALFORMED',
            'JSON_MALFORMED',
            'NO_MATCH',
            'COUNT_MISMATCH',
            'WRONG_NODE_TYPE',
            'ROOT_REMOVED',
            'POINTER_NOT_FOUND',
            'TEST_FAILED',
            'CEL_EVAL',
            'NOT_CLOUD_CONFIG',
            'LIMIT_EXCEEDED',
            'POLICY_DENIED',
          ],
          description: 'the code the call must fail with (docs/documents.md lists them)',
        },
      },
      allOf: [
        { oneOf: [{ required: ['domain'] }, { required: ['cloudInit'] }] },
        { oneOf: [{ required: ['expected'] }, { required: ['error'] }] },
      ],
    },
  },
};
const pattern0 = new RegExp('\\S', 'u');
const schema12 = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: {
      type: 'string',
      pattern: '\\S',
      description: 'unique in the file; names the case on its line of output and in JUnit XML',
    },
    patches: {
      type: 'array',
      items: { $ref: '#/definitions/path' },
      description:
        "patch files or directories (their *.yaml, *.yml, *.json, *.xml by name), in order; the VMI's hookpatch.io/patch annotation is read after them, as in a call. Empty or absent: the annotation only",
    },
    domain: {
      $ref: '#/definitions/path',
      description: 'the input domain XML (OnDefineDomain / MutateDomain)',
    },
    cloudInit: {
      $ref: '#/definitions/path',
      description: 'the input CloudInitData JSON (PreCloudInitIso)',
    },
    vmi: {
      $ref: '#/definitions/path',
      description: 'a VirtualMachineInstance or VirtualMachine, JSON or YAML; {} when absent',
    },
    context: { enum: ['Boot', 'MigrationSource', 'MigrationTarget'], default: 'Boot' },
    node: {
      type: 'string',
      description: "CEL's node.name, as NODE_NAME gives it to serve; '' when absent",
    },
    expected: {
      $ref: '#/definitions/path',
      description: 'the file the output must equal, byte for byte',
    },
    error: {
      enum: [
        'YAML_SYNTAX',
        'SCHEMA_VIOLATION',
        'UNKNOWN_OP',
        'MISSING_FIELD',
        'UNKNOWN_FIELD',
        'DUPLICATE_NAME',
        'XPATH_SYNTAX',
        'UNKNOWN_PREFIX',
        'NOT_SIMPLE_PATH',
        'FRAGMENT_MALFORMED',
        'POINTER_SYNTAX',
        'CEL_SYNTAX',
        'UNKNOWN_VAR',
        'DOCTYPE_REFUSED',
        'XML_MALFORMED',
        'JSON_MALFORMED',
        'NO_MATCH',
        'COUNT_MISMATCH',
        'WRONG_NODE_TYPE',
        'ROOT_REMOVED',
        'POINTER_NOT_FOUND',
        'TEST_FAILED',
        'CEL_EVAL',
        'NOT_CLOUD_CONFIG',
        'LIMIT_EXCEEDED',
        'POLICY_DENIED',
      ],
      description: 'the code the call must fail with (docs/documents.md lists them)',
    },
  },
  allOf: [
    { oneOf: [{ required: ['domain'] }, { required: ['cloudInit'] }] },
    { oneOf: [{ required: ['expected'] }, { required: ['error'] }] },
  ],
};
const schema13 = { type: 'string', pattern: '\\S' };
const func2 = Object.prototype.hasOwnProperty;
function validate11(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data } = {},
) {
  let vErrors = null;
  let errors = 0;
  const _errs2 = errors;
  let valid1 = false;
  let passing0 = null;
  const _errs3 = errors;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.domain === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/allOf/0/oneOf/0/required',
        keyword: 'required',
        params: { missingProperty: 'domain' },
        message: "must have required property '" + 'domain' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var _valid0 = _errs3 === errors;
  if (_valid0) {
    valid1 = true;
    passing0 = 0;
  }
  const _errs4 = errors;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.cloudInit === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/allOf/0/oneOf/1/required',
        keyword: 'required',
        params: { missingProperty: 'cloudInit' },
        message: "must have required property '" + 'cloudInit' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  }
  var _valid0 = _errs4 === errors;
  if (_valid0 && valid1) {
    valid1 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid1 = true;
      passing0 = 1;
    }
  }
  if (!valid1) {
    const err2 = {
      instancePath,
      schemaPath: '#/allOf/0/oneOf',
      keyword: 'oneOf',
      params: { passingSchemas: passing0 },
      message: 'must match exactly one schema in oneOf',
    };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  } else {
    errors = _errs2;
    if (vErrors !== null) {
      if (_errs2) {
        vErrors.length = _errs2;
      } else {
        vErrors = null;
      }
    }
  }
  const _errs6 = errors;
  let valid2 = false;
  let passing1 = null;
  const _errs7 = errors;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.expected === undefined) {
      const err3 = {
        instancePath,
        schemaPath: '#/allOf/1/oneOf/0/required',
        keyword: 'required',
        params: { missingProperty: 'expected' },
        message: "must have required property '" + 'expected' + "'",
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
  }
  var _valid1 = _errs7 === errors;
  if (_valid1) {
    valid2 = true;
    passing1 = 0;
  }
  const _errs8 = errors;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.error === undefined) {
      const err4 = {
        instancePath,
        schemaPath: '#/allOf/1/oneOf/1/required',
        keyword: 'required',
        params: { missingProperty: 'error' },
        message: "must have required property '" + 'error' + "'",
      };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
  }
  var _valid1 = _errs8 === errors;
  if (_valid1 && valid2) {
    valid2 = false;
    passing1 = [passing1, 1];
  } else {
    if (_valid1) {
      valid2 = true;
      passing1 = 1;
    }
  }
  if (!valid2) {
    const err5 = {
      instancePath,
      schemaPath: '#/allOf/1/oneOf',
      keyword: 'oneOf',
      params: { passingSchemas: passing1 },
      message: 'must match exactly one schema in oneOf',
    };
    if (vErrors === null) {
      vErrors = [err5];
    } else {
      vErrors.push(err5);
    }
    errors++;
  } else {
    errors = _errs6;
    if (vErrors !== null) {
      if (_errs6) {
        vErrors.length = _errs6;
      } else {
        vErrors = null;
      }
    }
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.name === undefined) {
      const err6 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property '" + 'name' + "'",
      };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func2.call(schema12.properties, key0)) {
        const err7 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.name !== undefined) {
      let data0 = data.name;
      if (typeof data0 === 'string') {
        if (!pattern0.test(data0)) {
          const err8 = {
            instancePath: instancePath + '/name',
            schemaPath: '#/properties/name/pattern',
            keyword: 'pattern',
            params: { pattern: '\\S' },
            message: 'must match pattern "' + '\\S' + '"',
          };
          if (vErrors === null) {
            vErrors = [err8];
          } else {
            vErrors.push(err8);
          }
          errors++;
        }
      } else {
        const err9 = {
          instancePath: instancePath + '/name',
          schemaPath: '#/properties/name/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.patches !== undefined) {
      let data1 = data.patches;
      if (Array.isArray(data1)) {
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data2 = data1[i0];
          if (typeof data2 === 'string') {
            if (!pattern0.test(data2)) {
              const err10 = {
                instancePath: instancePath + '/patches/' + i0,
                schemaPath: '#/definitions/path/pattern',
                keyword: 'pattern',
                params: { pattern: '\\S' },
                message: 'must match pattern "' + '\\S' + '"',
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = {
              instancePath: instancePath + '/patches/' + i0,
              schemaPath: '#/definitions/path/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = {
          instancePath: instancePath + '/patches',
          schemaPath: '#/properties/patches/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.domain !== undefined) {
      let data3 = data.domain;
      if (typeof data3 === 'string') {
        if (!pattern0.test(data3)) {
          const err13 = {
            instancePath: instancePath + '/domain',
            schemaPath: '#/definitions/path/pattern',
            keyword: 'pattern',
            params: { pattern: '\\S' },
            message: 'must match pattern "' + '\\S' + '"',
          };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = {
          instancePath: instancePath + '/domain',
          schemaPath: '#/definitions/path/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.cloudInit !== undefined) {
      let data4 = data.cloudInit;
      if (typeof data4 === 'string') {
        if (!pattern0.test(data4)) {
          const err15 = {
            instancePath: instancePath + '/cloudInit',
            schemaPath: '#/definitions/path/pattern',
            keyword: 'pattern',
            params: { pattern: '\\S' },
            message: 'must match pattern "' + '\\S' + '"',
          };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      } else {
        const err16 = {
          instancePath: instancePath + '/cloudInit',
          schemaPath: '#/definitions/path/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.vmi !== undefined) {
      let data5 = data.vmi;
      if (typeof data5 === 'string') {
        if (!pattern0.test(data5)) {
          const err17 = {
            instancePath: instancePath + '/vmi',
            schemaPath: '#/definitions/path/pattern',
            keyword: 'pattern',
            params: { pattern: '\\S' },
            message: 'must match pattern "' + '\\S' + '"',
          };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = {
          instancePath: instancePath + '/vmi',
          schemaPath: '#/definitions/path/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.context !== undefined) {
      let data6 = data.context;
      if (!(data6 === 'Boot' || data6 === 'MigrationSource' || data6 === 'MigrationTarget')) {
        const err19 = {
          instancePath: instancePath + '/context',
          schemaPath: '#/properties/context/enum',
          keyword: 'enum',
          params: { allowedValues: schema12.properties.context.enum },
          message: 'must be equal to one of the allowed values',
        };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.node !== undefined) {
      if (typeof data.node !== 'string') {
        const err20 = {
          instancePath: instancePath + '/node',
          schemaPath: '#/properties/node/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
    }
    if (data.expected !== undefined) {
      let data8 = data.expected;
      if (typeof data8 === 'string') {
        if (!pattern0.test(data8)) {
          const err21 = {
            instancePath: instancePath + '/expected',
            schemaPath: '#/definitions/path/pattern',
            keyword: 'pattern',
            params: { pattern: '\\S' },
            message: 'must match pattern "' + '\\S' + '"',
          };
          if (vErrors === null) {
            vErrors = [err21];
          } else {
            vErrors.push(err21);
          }
          errors++;
        }
      } else {
        const err22 = {
          instancePath: instancePath + '/expected',
          schemaPath: '#/definitions/path/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.error !== undefined) {
      let data9 = data.error;
      if (!(
        data9 === 'YAML_SYNTAX' ||
        data9 === 'SCHEMA_VIOLATION' ||
        data9 === 'UNKNOWN_OP' ||
        data9 === 'MISSING_FIELD' ||
        data9 === 'UNKNOWN_FIELD' ||
        data9 === 'DUPLICATE_NAME' ||
        data9 === 'XPATH_SYNTAX' ||
        data9 === 'UNKNOWN_PREFIX' ||
        data9 === 'NOT_SIMPLE_PATH' ||
        data9 === 'FRAGMENT_MALFORMED' ||
        data9 === 'POINTER_SYNTAX' ||
        data9 === 'CEL_SYNTAX' ||
        data9 === 'UNKNOWN_VAR' ||
        data9 === 'DOCTYPE_REFUSED' ||
        data9 === 'XML_MALFORMED' ||
        data9 === 'JSON_MALFORMED' ||
        data9 === 'NO_MATCH' ||
        data9 === 'COUNT_MISMATCH' ||
        data9 === 'WRONG_NODE_TYPE' ||
        data9 === 'ROOT_REMOVED' ||
        data9 === 'POINTER_NOT_FOUND' ||
        data9 === 'TEST_FAILED' ||
        data9 === 'CEL_EVAL' ||
        data9 === 'NOT_CLOUD_CONFIG' ||
        data9 === 'LIMIT_EXCEEDED' ||
        data9 === 'POLICY_DENIED'
      )) {
        const err23 = {
          instancePath: instancePath + '/error',
          schemaPath: '#/properties/error/enum',
          keyword: 'enum',
          params: { allowedValues: schema12.properties.error.enum },
          message: 'must be equal to one of the allowed values',
        };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
  } else {
    const err24 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err24];
    } else {
      vErrors.push(err24);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
function validate10(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data } = {},
) {
  /*# sourceURL="https://hookpatch.io/schemas/test.schema.json" */ let vErrors = null;
  let errors = 0;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.apiVersion === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'apiVersion' },
        message: "must have required property '" + 'apiVersion' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.kind === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'kind' },
        message: "must have required property '" + 'kind' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.cases === undefined) {
      const err2 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'cases' },
        message: "must have required property '" + 'cases' + "'",
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === 'apiVersion' || key0 === 'kind' || key0 === 'metadata' || key0 === 'cases')) {
        const err3 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.apiVersion !== undefined) {
      if ('hookpatch.io/v1alpha1' !== data.apiVersion) {
        const err4 = {
          instancePath: instancePath + '/apiVersion',
          schemaPath: '#/properties/apiVersion/const',
          keyword: 'const',
          params: { allowedValue: 'hookpatch.io/v1alpha1' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.kind !== undefined) {
      if ('Test' !== data.kind) {
        const err5 = {
          instancePath: instancePath + '/kind',
          schemaPath: '#/properties/kind/const',
          keyword: 'const',
          params: { allowedValue: 'Test' },
          message: 'must be equal to constant',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.metadata !== undefined) {
      let data2 = data.metadata;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        for (const key1 in data2) {
          if (!(key1 === 'name')) {
            const err6 = {
              instancePath: instancePath + '/metadata',
              schemaPath: '#/properties/metadata/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data2.name !== undefined) {
          let data3 = data2.name;
          if (typeof data3 === 'string') {
            if (!pattern0.test(data3)) {
              const err7 = {
                instancePath: instancePath + '/metadata/name',
                schemaPath: '#/properties/metadata/properties/name/pattern',
                keyword: 'pattern',
                params: { pattern: '\\S' },
                message: 'must match pattern "' + '\\S' + '"',
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
          } else {
            const err8 = {
              instancePath: instancePath + '/metadata/name',
              schemaPath: '#/properties/metadata/properties/name/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = {
          instancePath: instancePath + '/metadata',
          schemaPath: '#/properties/metadata/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.cases !== undefined) {
      let data4 = data.cases;
      if (Array.isArray(data4)) {
        if (data4.length < 1) {
          const err10 = {
            instancePath: instancePath + '/cases',
            schemaPath: '#/properties/cases/minItems',
            keyword: 'minItems',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 items',
          };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
        const len0 = data4.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (
            !validate11(data4[i0], {
              instancePath: instancePath + '/cases/' + i0,
              parentData: data4,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err11 = {
          instancePath: instancePath + '/cases',
          schemaPath: '#/properties/cases/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
  } else {
    const err12 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err12];
    } else {
      vErrors.push(err12);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}
