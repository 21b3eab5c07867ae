/**
 * What the three import commands share: `--city <slug> <file>`, `--help`, reading the file,
 * checking it before the database is opened (a broken file fails at once), the service-role
 * client, the refusal lines and the exit status (0 imported, 1 refused or failed, 2 usage).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../src/lib/database.types';
import { adoptCity } from '../src/lib/server/city';
import { failureLines } from '../src/lib/server/import/errors';
import { closeBackend, createServiceSupabase } from '../src/lib/server/supabase';

export type Values = Record<string, string | boolean | undefined> & { city: string };

/** The file as read, for imports that take bytes (a spreadsheet) rather than text. */
export interface ImportFile {
	/** Its name without the directory, e.g. for the status history ("Import: kik.xlsx"). */
	name: string;
	bytes: Uint8Array;
}

export interface ImportCommand {
	/** The text `--help` prints. */
	usage: string;
	/** What the file is, for "Give exactly one GeoJSON file." */
	fileKind: string;
	/** Options beyond --city and --help, as node:util parseArgs takes them. */
	options?: NonNullable<ParseArgsConfig['options']>;
	/** Checks the file without the database; returns the line that announces the import. */
	check(text: string, values: Values, file: ImportFile): string | Promise<string>;
	/** Imports; returns the lines that tell what was done. Throws when refused. */
	run(
		supabase: SupabaseClient<Database>,
		text: string,
		values: Values,
		file: ImportFile
	): Promise<string[]>;
}

/** A string option's value; flags (`type: 'boolean'`) are booleans. */
export const stringOption = (value: string | boolean | undefined) =>
	typeof value === 'string' ? value : undefined;

/** `3 districts`, `1 district`. */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Runs the command with the process's arguments and sets the exit status. */
export async function runImportCommand(command: ImportCommand): Promise<void> {
	process.exitCode = await main(command);
}

async function main(command: ImportCommand): Promise<number> {
	const usageError = (message: string) => {
		console.error(`${message}\n\n${command.usage}`);
		return 2;
	};
	let args;
	try {
		args = parseArgs({
			allowPositionals: true,
			options: {
				...command.options,
				city: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		return usageError((error as Error).message);
	}
	const { values, positionals } = args;
	if (values.help) {
		console.log(command.usage);
		return 0;
	}
	if (!values.city) return usageError('--city is missing.');
	if (positionals.length !== 1) return usageError(`Give exactly one ${command.fileKind} file.`);
	const [file] = positionals;
	const options = values as Values;

	console.log(`Reading ${file} …`);
	let read: ImportFile;
	try {
		read = { name: basename(file), bytes: await readFile(file) };
	} catch (error) {
		return usageError(`Cannot read ${file}: ${(error as Error).message}`);
	}
	const text = Buffer.from(read.bytes).toString('utf8');

	try {
		const announcement = await command.check(text, options, read);
		adoptCity(options.city);
		const supabase = await createServiceSupabase();
		console.log(announcement);
		for (const line of await command.run(supabase, text, options, read)) console.log(line);
		return 0;
	} catch (error) {
		console.error(failureLines(error).join('\n'));
		return 1;
	} finally {
		await closeBackend();
	}
}
