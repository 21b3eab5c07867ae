// Writing SQL literals and multi-row inserts. Values are always literals made here, never
// concatenated user input: the seed is generated from the modules next to this file.

export type SqlValue = string | number | boolean | null | Raw | readonly string[];

/** A piece of SQL written as it is (a function call, a cast). */
export class Raw {
	constructor(readonly sql: string) {}
}

export const raw = (sql: string): Raw => new Raw(sql);

/** A quoted text literal. */
export function text(value: string): string {
	if (value.includes('\0')) throw new Error('NUL in a text literal');
	return `'${value.replace(/'/g, "''")}'`;
}

export function literal(value: SqlValue): string {
	if (value === null) return 'null';
	if (value instanceof Raw) return value.sql;
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
		return String(value);
	}
	if (typeof value === 'string') return text(value);
	return value.length === 0 ? `'{}'::text[]` : `array[${value.map(text).join(', ')}]`;
}

/** A jsonb literal. */
export const jsonb = (value: unknown): Raw => raw(`${text(JSON.stringify(value))}::jsonb`);

/** A date literal ('2026-11-21'). */
export const date = (value: string): Raw => raw(`${text(value)}::date`);

/** A timestamptz literal with its offset ('2026-11-21 09:00:00+01'). */
export const timestamptz = (value: string): Raw => raw(`${text(value)}::timestamptz`);

/** A timestamptz[] literal. */
export const timestamptzArray = (values: readonly string[]): Raw =>
	raw(
		values.length === 0
			? `'{}'::timestamptz[]`
			: `array[${values.map(text).join(', ')}]::timestamptz[]`
	);

/**
 * A multi-row insert. Rows are objects with the same keys in the same order; long tables
 * are split into statements of at most `chunk` rows.
 */
export function insert(
	table: string,
	rows: readonly Record<string, SqlValue>[],
	chunk = 200
): string {
	if (rows.length === 0) return `-- no rows for ${table}\n`;
	const columns = Object.keys(rows[0]);
	const parts: string[] = [];
	for (let start = 0; start < rows.length; start += chunk) {
		const lines = rows.slice(start, start + chunk).map((row) => {
			const keys = Object.keys(row);
			if (keys.join() !== columns.join()) {
				throw new Error(`${table}: row has columns ${keys.join()} instead of ${columns.join()}`);
			}
			return `  (${columns.map((c) => literal(row[c])).join(', ')})`;
		});
		parts.push(`insert into ${table} (${columns.join(', ')}) values\n${lines.join(',\n')};\n`);
	}
	return parts.join('\n');
}
