/**
 * A city's integration concepts, for the city office.
 *
 *   import * as concepts from '$lib/server/data/concepts';
 *   const list = await concepts.list(locals.supabase);
 */
import type { Database, Json } from '$lib/database.types';
import type { Supabase } from './client';
import { fromPostgrestError } from './errors';

export type ConceptChoice = Database['public']['Functions']['city_concepts']['Returns'][number];

/** The concepts, the current one first, then the newest, with their number of measures. */
export async function list(supabase: Supabase): Promise<ConceptChoice[]> {
	const { data, error } = await supabase.rpc('city_concepts');
	if (error) throw fromPostgrestError('city_concepts', error);
	return data;
}

type Functions = Database['public']['Functions'];
export type CityMeasureRow = Functions['city_measures']['Returns'][number];
export type MeasureStatus = Database['public']['Enums']['measure_status'];
export type StatusChange = Functions['measure_history']['Returns'][number];

/** One measure with every column of the implementation table, its indicators and offers. */
export interface CityMeasure {
	id: string;
	code: string;
	title: string;
	description: string | null;
	target_group: string | null;
	responsible: string | null;
	actors: string | null;
	resources_needed: string | null;
	starts_on: string | null;
	ends_on: string | null;
	status: MeasureStatus | null;
	light: string | null;
	is_late: boolean;
	status_changed_at: string | null;
	/** When any column last changed: the edit form's guard against overwriting a change. */
	updated_at: string;
	goal: { code: string; title: string; indicator: string | null };
	field: { code: string; title: string };
	concept: { slug: string; title: string; level_names: Record<string, string> };
	indicators: MeasureIndicator[];
	/** Slugs of the cross-cutting themes the measure serves. */
	themes: string[];
	/** Every theme of the concept, to choose from. */
	concept_themes: Array<{ slug: string; title: string }>;
	offers: Array<{ id: string; state: string; title: string }>;
}

/** A success indicator with its target and the values measured (for the city office only). */
export interface MeasureIndicator {
	position: number;
	description: string;
	target_value: number | null;
	target_unit: string | null;
	values: MeasuredValue[];
}

export interface MeasuredValue {
	id: number;
	measured_on: string;
	value: number;
	source: string;
}

/** The measures of a concept (default: the current one), in the concept's order. */
export async function measures(supabase: Supabase, concept?: string): Promise<CityMeasureRow[]> {
	const { data, error } = await supabase.rpc(
		'city_measures',
		concept ? { p_concept: concept } : {}
	);
	if (error) throw fromPostgrestError('city_measures', error);
	return data;
}

/** The measures (in the concept's order) grouped by their field of action. */
export function byField(
	rows: CityMeasureRow[]
): Array<{ code: string; title: string; measures: CityMeasureRow[] }> {
	const fields: Array<{ code: string; title: string; measures: CityMeasureRow[] }> = [];
	for (const row of rows) {
		const last = fields.at(-1);
		if (last?.code === row.field_code) last.measures.push(row);
		else fields.push({ code: row.field_code, title: row.field_title, measures: [row] });
	}
	return fields;
}

/** One measure, or null. */
export async function measure(supabase: Supabase, id: string): Promise<CityMeasure | null> {
	const { data, error } = await supabase.rpc('city_measure', { p_measure_id: id });
	if (error) throw fromPostgrestError('city_measure', error);
	return data as unknown as CityMeasure | null;
}

/** A measure's status changes, newest first, with who made them. */
export async function history(supabase: Supabase, id: string): Promise<StatusChange[]> {
	const { data, error } = await supabase.rpc('measure_history', { p_measure_id: id });
	if (error) throw fromPostgrestError('measure_history', error);
	return data;
}

/**
 * Changes a measure's status with its justification; `expected` is the status the person saw
 * (a change made meanwhile is a DataError `error.conflict`).
 */
export async function setStatus(
	supabase: Supabase,
	change: { id: string; status: MeasureStatus; note: string; expected: MeasureStatus | null }
): Promise<void> {
	const { error } = await supabase.rpc('set_measure_status', {
		p_measure_id: change.id,
		p_status: change.status,
		p_note: change.note,
		...(change.expected ? { p_expected: change.expected } : {})
	});
	if (error) throw fromPostgrestError('set_measure_status', error);
}

/** What the edit form changes: every column, the indicators in their new order, the themes. */
export interface MeasureChange {
	title: string;
	description: string;
	target_group: string;
	responsible: string;
	actors: string;
	resources_needed: string;
	starts_on: string;
	ends_on: string;
	/** `position`: the indicator's position before the edit (its measured values follow it). */
	indicators: Array<{
		position?: number;
		description: string;
		target_value: number | null;
		target_unit: string;
	}>;
	themes: string[];
}

/**
 * Changes a measure; `expected` is the `updated_at` the editor saw (a change made meanwhile is a
 * DataError `error.conflict`). Returns the new `updated_at`.
 */
export async function update(
	supabase: Supabase,
	id: string,
	change: MeasureChange,
	expected: string
): Promise<string> {
	const { data, error } = await supabase.rpc('update_measure', {
		p_measure_id: id,
		p_measure: change as unknown as Json,
		p_expected: expected
	});
	if (error) throw fromPostgrestError('update_measure', error);
	return data;
}

/** Records a measured value of the indicator at `position` (the same date again corrects it). */
export async function recordValue(
	supabase: Supabase,
	value: { measureId: string; position: number; measuredOn: string; value: number; source: string }
): Promise<void> {
	const { error } = await supabase.rpc('record_indicator_value', {
		p_measure_id: value.measureId,
		p_position: value.position,
		p_measured_on: value.measuredOn,
		p_value: value.value,
		p_source: value.source
	});
	if (error) throw fromPostgrestError('record_indicator_value', error);
}

export async function deleteValue(supabase: Supabase, id: number): Promise<void> {
	const { error } = await supabase.rpc('delete_indicator_value', { p_id: id });
	if (error) throw fromPostgrestError('delete_indicator_value', error);
}

/** Makes `slug` the city's current concept. */
export async function makeCurrent(supabase: Supabase, slug: string): Promise<void> {
	const { error } = await supabase.rpc('set_current_concept', { p_concept: slug });
	if (error) throw fromPostgrestError('set_current_concept', error);
}
