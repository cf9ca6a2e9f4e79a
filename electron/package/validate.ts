/** Validates manifest.json and data.json against the published schema (docs/package-format.schema.json). */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import schema from '../../docs/package-format.schema.json';
import { malformed } from './errors';
import type { PackageData, PackageManifest, ResponseData, ResponseManifest } from './model';

interface Validators {
  manifest: ValidateFunction;
  data: ValidateFunction;
  responseManifest: ValidateFunction;
  responseData: ValidateFunction;
}

let compiled: Validators | null = null;

function validators(): Validators {
  if (!compiled) {
    // strict: a typo in the schema is an error at the first use, caught by the tests.
    const ajv = new Ajv2020({ strict: true, allErrors: false });
    ajv.addSchema(schema);
    compiled = {
      manifest: ajv.getSchema(`${schema.$id}#/$defs/manifest`)!,
      data: ajv.getSchema(`${schema.$id}#/$defs/data`)!,
      responseManifest: ajv.getSchema(`${schema.$id}#/$defs/responseManifest`)!,
      responseData: ajv.getSchema(`${schema.$id}#/$defs/responseData`)!,
    };
  }
  return compiled;
}

export function validateManifest(value: unknown): PackageManifest {
  const check = validators().manifest;
  if (!check(value)) throw malformed(`manifest.json sai lược đồ (${where(check.errors)})`);
  return value as PackageManifest;
}

export function validateData(value: unknown): PackageData {
  const check = validators().data;
  if (!check(value)) throw malformed(`data.json sai lược đồ (${where(check.errors)})`);
  return value as PackageData;
}

export function validateResponseManifest(value: unknown): ResponseManifest {
  const check = validators().responseManifest;
  if (!check(value)) throw malformed(`manifest.json của tệp trả lời sai lược đồ (${where(check.errors)})`);
  return value as ResponseManifest;
}

export function validateResponseData(value: unknown): ResponseData {
  const check = validators().responseData;
  if (!check(value)) throw malformed(`response.json sai lược đồ (${where(check.errors)})`);
  return value as ResponseData;
}

function where(errors: ErrorObject[] | null | undefined): string {
  const first = errors?.[0];
  if (!first) return 'không rõ';
  return `${first.instancePath || '/'} ${first.keyword}`.slice(0, 200);
}
