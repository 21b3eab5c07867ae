/**
 * "Suggest an offer": a visitor tells the city's integration office of an offer the portal
 * lacks (what, where, when, for whom, optionally a contact). No account, no cookie, no
 * JavaScript; see $lib/server/suggestions/form for the spam checks and what is kept.
 */
import { freshForm, submitSuggestion } from '$lib/server/suggestions/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ setHeaders }) => freshForm(setHeaders);

export const actions: Actions = {
	default: (event) => submitSuggestion(event, 'new_offer')
};
