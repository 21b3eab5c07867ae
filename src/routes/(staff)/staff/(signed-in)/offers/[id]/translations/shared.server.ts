/**
 * What both translation pages need: the offer's id from the path (404 unless a uuid), its
 * texts (404 unless the person may edit it), the configured machine translator, and the
 * machine translation action's answer for the page.
 */
import { error, fail } from '@sveltejs/kit';
import * as z from 'zod';
import { env } from '$env/dynamic/private';
import { orHttpError } from '$lib/server/data/errors';
import type { Supabase } from '$lib/server/data/client';
import * as offerTranslations from '$lib/server/data/offer-translations';
import { translatorFromEnv, type MachineTranslator } from '$lib/server/translation';
import { fillByMachine, machineLocales, type FillResult } from '$lib/server/translation/fill';
import type { OfferTranslations } from '$lib/staff/translations';

const idSchema = z.guid();

export function notFound(): never {
	error(404, { message: 'error.not_found', key: 'error.not_found' });
}

/** The offer's id from the path, or 404. */
export function offerId(params: { id: string }): string {
	const parsed = idSchema.safeParse(params.id);
	if (!parsed.success) notFound();
	return parsed.data;
}

/** The configured translator (read per request: tests and deployments set it by env). */
export function translator(): MachineTranslator | null {
	return translatorFromEnv(env);
}

/** The offer's texts, or 404. */
export async function loadTexts(supabase: Supabase, id: string): Promise<OfferTranslations> {
	const texts = await orHttpError(offerTranslations.get(supabase, id));
	if (!texts) notFound();
	return texts;
}

/** What the pages show of machine translation: the provider's name and its locales. */
export function machineInfo(texts: OfferTranslations) {
	const machine = translator();
	return { provider: machine?.name ?? null, machineLocales: machineLocales(machine, texts) };
}

/**
 * The machine action: translates the missing and outdated fields of `locales` and answers what
 * happened per locale; 400 without a locale, 404 without a translator.
 */
export async function machineAction(supabase: Supabase, id: string, locales: string[]) {
	const machine = translator();
	if (!machine) notFound();
	if (locales.length === 0) return fail(400, { error: 'staff.translation.machine.none_chosen' });
	const texts = await loadTexts(supabase, id);
	const results: FillResult[] = await fillByMachine(supabase, machine, texts, locales);
	return { machine: results };
}
