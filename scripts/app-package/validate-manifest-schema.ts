import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { projectPaths } from './project-paths.js';

const compiled = new Map<string, ValidateFunction>();

function compile(schemaPath: string): ValidateFunction {
  let validate = compiled.get(schemaPath);
  if (!validate) {
    // The manifest schema is draft-04 and leaves out `type` beside type-specific keywords, which
    // Ajv's strict mode only warns about; schemas/README.md lists these options.
    const ajv = new Ajv04.default({ allErrors: true, strict: false, strictTypes: false });
    addFormats.default(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    compiled.set(schemaPath, validate);
  }
  return validate;
}

/** Schema errors of a substituted manifest, as "<json pointer> <message>" lines; empty when valid. */
export function validateManifestSchema(
  manifest: unknown,
  schemaPath: string = projectPaths.manifestSchema,
): string[] {
  const validate = compile(schemaPath);
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `schema: ${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
