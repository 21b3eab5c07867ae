/**
 * Machine translation of an offer: for each chosen locale, only the fields that are missing or
 * outdated are sent to the provider and saved as machine-translated and unreviewed; the other
 * fields stay as they are. One locale's failure does not stop the others.
 */
import { isDataError } from '$lib/server/data/errors';
import * as offerTranslations from '$lib/server/data/offer-translations';
import type { Supabase } from '$lib/server/data/client';
import {
	fieldsToTranslate,
	type MachineResult,
	type OfferTranslations
} from '$lib/staff/translations';
import { isTranslationError } from './errors';
import type { MachineTranslator } from './types';

export type FillResult = MachineResult;

/** The locales a machine can fill for this offer with this translator. */
export function machineLocales(
	translator: MachineTranslator | null,
	offer: OfferTranslations
): string[] {
	if (!translator) return [];
	return offer.locales
		.filter((locale) => translator.supports(offer.original_locale, locale.locale))
		.map((locale) => locale.locale);
}

export async function fillByMachine(
	supabase: Supabase,
	translator: MachineTranslator,
	offer: OfferTranslations,
	locales: readonly string[]
): Promise<FillResult[]> {
	const results: FillResult[] = [];
	for (const entry of offer.locales) {
		if (!locales.includes(entry.locale)) continue;
		if (!translator.supports(offer.original_locale, entry.locale)) {
			results.push({ locale: entry.locale, fields: [], error: 'unsupported' });
			continue;
		}
		const fields = fieldsToTranslate(entry).filter((field) => offer.original[field]);
		if (fields.length === 0) {
			results.push({ locale: entry.locale, fields: [] });
			continue;
		}
		let translated: string[];
		try {
			translated = await translator.translate(
				fields.map((field) => offer.original[field] ?? ''),
				offer.original_locale,
				entry.locale
			);
		} catch (error) {
			if (!isTranslationError(error)) throw error;
			console.error(`[translation] ${translator.name} ${entry.locale} failed`, error.message);
			results.push({ locale: entry.locale, fields: [], error: error.kind });
			continue;
		}
		try {
			await offerTranslations.save(supabase, {
				offerId: offer.offer_id,
				locale: entry.locale,
				texts: Object.fromEntries(fields.map((field, i) => [field, translated[i]])),
				provenance: 'machine',
				reviewed: false,
				originalUpdatedAt: offer.original.updated_at
			});
			results.push({ locale: entry.locale, fields });
		} catch (error) {
			if (!isDataError(error)) throw error;
			results.push({
				locale: entry.locale,
				fields: [],
				error: error.key === 'error.conflict' ? 'changed' : 'save'
			});
		}
	}
	return results;
}
