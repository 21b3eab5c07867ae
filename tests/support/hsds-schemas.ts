/**
 * The published HSDS 3.0.1 schemas (tests/fixtures/hsds, gzip-compressed copies of
 * openreferral/specification's `schema/compiled/*.json` and `schema/openapi.json`) as ajv
 * validators, for the unit specs of $lib/server/hsds and the e2e spec of the /hsds API.
 *
 *   const hsds = hsdsValidators();
 *   expect(hsds.errors('service', body)).toEqual([]);
 *   expect(hsds.errors('page', body)).toEqual([]);   // the Page header of a list
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const DIR = path.resolve(import.meta.dirname, '../fixtures/hsds');

export const HSDS_SCHEMAS = [
	'service',
	'service_list',
	'organization',
	'organization_list',
	'service_at_location',
	'service_at_location_list'
] as const;
export type HsdsSchema = (typeof HSDS_SCHEMAS)[number] | 'page' | 'root';

function read(name: string): Record<string, unknown> {
	return JSON.parse(
		gunzipSync(fs.readFileSync(path.join(DIR, `${name}.json.gz`))).toString('utf8')
	);
}

export interface HsdsValidators {
	/** ajv's errors of `value` against a schema, as `path message` lines; [] when it is valid. */
	errors(schema: HsdsSchema, value: unknown): string[];
}

export function hsdsValidators(): HsdsValidators {
	// the compiled schemas name no $schema and use draft-07 keywords; `csv` is a format of
	// their tabular form (no constraint on JSON), the rest (uuid, uri, email, date-time) are
	// checked by ajv-formats
	const ajv = new Ajv({ allErrors: true, strict: false });
	addFormats(ajv);
	ajv.addFormat('csv', true);
	const openapi = read('openapi') as {
		components: { schemas: { Page: Record<string, unknown> } };
		paths: Record<string, { get: { responses: Record<string, unknown> } }>;
	};
	const page = {
		...openapi.components.schemas.Page,
		// every property of Page: the API reference wants all of them in a list's answer
		required: Object.keys(
			(openapi.components.schemas.Page as { properties: Record<string, unknown> }).properties
		).concat('contents')
	};
	const rootAnswer = (
		openapi.paths['/'].get.responses['200'] as {
			content: { 'application/json': { schema: Record<string, unknown> } };
		}
	).content['application/json'].schema;
	const validators = new Map<HsdsSchema, ValidateFunction>();
	const compile = (name: HsdsSchema): ValidateFunction => {
		let validate = validators.get(name);
		if (!validate) {
			const schema =
				name === 'page'
					? page
					: name === 'root'
						? { ...rootAnswer, required: ['version', 'profile'] }
						: read(name);
			validate = ajv.compile(schema);
			validators.set(name, validate);
		}
		return validate;
	};
	return {
		errors(name, value) {
			const validate = compile(name);
			if (validate(value)) return [];
			return (validate.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message}`);
		}
	};
}
