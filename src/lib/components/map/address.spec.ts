import { describe, expect, it } from 'vitest';
import { formatMapView, parseMapView, withMapParam } from './address';

describe('the map in the address', () => {
	it('reads and writes a view as zoom/latitude/longitude', () => {
		const view = { zoom: 13.256, latitude: 47.726101, longitude: 10.315204 };
		expect(formatMapView(view)).toBe('13.26/47.72610/10.31520');
		expect(parseMapView('13.26/47.72610/10.31520')).toEqual({
			zoom: 13.26,
			latitude: 47.7261,
			longitude: 10.3152
		});
		expect(parseMapView('12/-33.9/-151.2')).toEqual({
			zoom: 12,
			latitude: -33.9,
			longitude: -151.2
		});
	});

	it('takes `1`, nothing and anything malformed or out of range as "the whole city"', () => {
		for (const value of [
			null,
			'',
			'1',
			'13/47.7',
			'a/b/c',
			'30/47.7/10.3',
			'12/91/10',
			'12/47/181'
		]) {
			expect(parseMapView(value), String(value)).toBeNull();
		}
	});

	it('sets and removes the map parameter beside the list filters', () => {
		expect(withMapParam('?category=sports&page=2', '1')).toBe('?category=sports&page=2&map=1');
		expect(withMapParam('?map=1&district=altstadt', '12.00/47.70000/10.30000')).toBe(
			'?district=altstadt&map=12.00/47.70000/10.30000'
		);
		expect(withMapParam('?district=altstadt&map=1', null)).toBe('?district=altstadt');
		expect(withMapParam('?map=1', null)).toBe('');
	});
});
