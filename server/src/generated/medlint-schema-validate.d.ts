/** The validator of schemas/medlint.schema.json, compiled by ajv (`npm run docs:rules`). */
import type { ValidateFunction } from 'ajv';
declare const validate: ValidateFunction;
export default validate;
