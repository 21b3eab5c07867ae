import { describe, expect, it } from 'vitest';
import { adoptCity, checkConfiguredCity, cityProblem, configuredCity, seedsDemo } from './city';

describe('the CITY setting', () => {
	it('is a slug or unset', () => {
		expect(configuredCity({})).toBeUndefined();
		expect(configuredCity({ CITY: ' ' })).toBeUndefined();
		expect(configuredCity({ CITY: ' kaiserslautern ' })).toBe('kaiserslautern');
		expect(() => configuredCity({ CITY: 'Kaiserslautern' })).toThrow(/is not a city's slug/);
	});

	it('loads the demo seed only for no city or the demo city', () => {
		expect(seedsDemo(undefined)).toBe(true);
		expect(seedsDemo('kempten')).toBe(true);
		expect(seedsDemo('kaiserslautern')).toBe(false);
	});

	it('says how to create a missing city, and what a database of another city is', () => {
		expect(cityProblem(undefined, null)).toBeNull();
		expect(cityProblem('kl', { slug: 'kl', name: 'KL' })).toBeNull();
		expect(cityProblem('kl', null)).toMatch(
			/^CITY=kl, but the database holds no city yet\. Create it .*\n {2}CITY=kl npm run city:create -- --slug kl --name/
		);
		expect(cityProblem('kl', { slug: 'kempten', name: 'Kempten (Allgäu)' })).toMatch(
			/this database serves the city "kempten" \(Kempten \(Allgäu\)\): the portal serves one city per database/
		);
	});

	it('stops the start when the database does not serve CITY', async () => {
		await expect(checkConfiguredCity(async () => null, {})).resolves.toBeUndefined();
		await expect(
			checkConfiguredCity(async () => ({ slug: 'kempten', name: 'Kempten' }), { CITY: 'kl' })
		).rejects.toThrow(/^CITY=kl, but this database serves the city "kempten"/);
	});

	it('is taken from a command’s --city when not set', () => {
		const env: NodeJS.ProcessEnv = {};
		adoptCity('kaiserslautern', env);
		expect(env.CITY).toBe('kaiserslautern');
		adoptCity('landstuhl', env);
		expect(env.CITY).toBe('kaiserslautern');
		const other: NodeJS.ProcessEnv = {};
		adoptCity('Not a slug', other);
		expect(other.CITY).toBeUndefined();
	});
});
