/**
 * Dates for browser specs that enter schedules, counted from today in Berlin.
 *
 *   const [first, second] = nextTuesdays(2); // '2026-12-01', '2026-12-08'
 */
const DAY_MS = 86_400_000;

/** The next `count` Tuesdays after today in Berlin, as `2026-12-01`. */
export function nextTuesdays(count: number): string[] {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
	let day = Date.parse(`${today}T00:00:00Z`) + DAY_MS;
	while (new Date(day).getUTCDay() !== 2) day += DAY_MS;
	return Array.from({ length: count }, (_, i) =>
		new Date(day + i * 7 * DAY_MS).toISOString().slice(0, 10)
	);
}

/** The date `days` after `date` (both `2026-12-01`). */
export function plusDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
