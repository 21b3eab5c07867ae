/**
 * The offer editor's measure picker: the measures of the integration concept grouped by field
 * of action, and the filter that finds them by code or words. Runs on both sides (the server
 * renders the groups, the browser filters as the person types).
 *
 *   const groups = groupByField(choices);
 *   const shown = choices.filter(matchesMeasure(query));
 */
import type { MeasureStatus, StatusLight } from '$lib/types';

/** One measure as `measure_choices()` returns it. */
export interface MeasureChoice {
	id: string;
	/** Its number in the concept, e.g. "1.2.1". */
	code: string;
	title: string;
	/** The concept has not published its text (the demo): the title is only its number. */
	is_placeholder: boolean;
	status: MeasureStatus | null;
	light: StatusLight | null;
	goal_code: string;
	goal_title: string;
	goal_is_placeholder: boolean;
	field_code: string;
	field_title: string;
	/** False for a measure of an earlier concept the offer is linked to. */
	is_current: boolean;
}

/** The measures of one goal. */
export interface GoalGroup {
	code: string;
	title: string;
	is_placeholder: boolean;
	measures: MeasureChoice[];
}

/** The goals of one field of action (or of earlier concepts: `current` false). */
export interface MeasureGroup {
	code: string;
	title: string;
	current: boolean;
	goals: GoalGroup[];
}

/**
 * Groups by field of action and goal, in the order given; measures of earlier concepts come
 * in one group of their own.
 */
export function groupByField(choices: readonly MeasureChoice[]): MeasureGroup[] {
	const groups = new Map<string, MeasureGroup>();
	for (const choice of choices) {
		const key = choice.is_current ? `field:${choice.field_code}` : 'earlier';
		let group = groups.get(key);
		if (!group) {
			group = choice.is_current
				? { code: choice.field_code, title: choice.field_title, current: true, goals: [] }
				: { code: '', title: '', current: false, goals: [] };
			groups.set(key, group);
		}
		let goal = group.goals.at(-1);
		if (!goal || goal.code !== choice.goal_code) {
			goal = {
				code: choice.goal_code,
				title: choice.goal_title,
				is_placeholder: choice.goal_is_placeholder,
				measures: []
			};
			group.goals.push(goal);
		}
		goal.measures.push(choice);
	}
	return [...groups.values()];
}

/** Lower case without diacritics ("Maßnahme" → "massnahme", "Bürger" → "burger"). */
export function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/ß/g, 'ss');
}

const CODE = /^[0-9]+(\.[0-9]*)*$/;

/**
 * A test for measures that fit `query`: every word of it must fit. A word of digits and dots
 * is a code and fits codes that begin with it ("1.2" fits 1.2.1 and 1.2.10, not 11.2.1); any
 * other word fits where it appears in the code, title, goal or field of action, in any case and
 * with or without diacritics. An empty query fits all.
 */
export function matchesMeasure(query: string): (choice: MeasureChoice) => boolean {
	const words = fold(query)
		.split(/[^\p{L}\p{N}.]+/u)
		.map((word) => word.replace(/^\.+/, ''))
		.filter((word) => word !== '');
	if (words.length === 0) return () => true;
	return (choice) => {
		const text = fold(
			`${choice.code} ${choice.title} ${choice.goal_code} ${choice.goal_title} ${choice.field_title}`
		);
		return words.every((word) => {
			if (CODE.test(word)) {
				const code = word.replace(/\.+$/, '');
				return choice.code === code || choice.code.startsWith(`${code}.`);
			}
			return text.includes(word);
		});
	};
}
