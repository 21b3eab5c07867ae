/**
 * A schedule in plain words ("jeden Dienstag, 10:00–12:00 Uhr") for the portal's languages.
 * Weekday and month names, dates, times, numbers and lists come from Intl; the languages only
 * add the few words around them. Rules the phrases do not cover are called "regularly".
 */
import {
	DEFAULT_TIME_ZONE,
	WEEKDAYS,
	dayNumber,
	lastOccurrence,
	parseRRule,
	toInstant,
	toWallClock,
	weekdayIndex,
	type RRule,
	type Schedule
} from './rrule';

/** Weekday indexes count from 0 = Monday. */
type WeekdayIndex = number;

/** Positions of a weekday in the month that have phrases: 1st to 5th and last. */
const ORDINALS = [1, 2, 3, 4, 5, -1];

/** The Intl building blocks a language's phrases are made of. */
interface Words {
	/** Weekday name as Intl gives it ("Dienstag", "الثلاثاء"). */
	weekday(index: WeekdayIndex): string;
	/** "a, b und c" */
	list(items: string[]): string;
	number(value: number): string;
	plural(value: number): Intl.LDMLPluralRule;
	ordinalPlural(value: number): Intl.LDMLPluralRule;
}

/** A weekday with its positions in the month: the first and third Saturday. */
interface NthWeekday {
	weekday: WeekdayIndex;
	ordinals: number[];
}

interface Phrases {
	/** Between the parts: the rule, the times, "until …". */
	separator: string;
	daily: string;
	regularly: string;
	weekly(days: WeekdayIndex[], w: Words): string;
	everyNWeeks(interval: number, days: WeekdayIndex[], w: Words): string;
	monthlyNth(groups: NthWeekday[], w: Words): string;
	monthlyDays(days: number[], w: Words): string;
	once(date: string): string;
	until(date: string): string;
}

/** Picks the form for a plural category, falling back to `other`. */
function form(
	category: Intl.LDMLPluralRule,
	forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }
): string {
	return forms[category] ?? forms.other;
}

const de: Phrases = {
	separator: ', ',
	daily: 'täglich',
	regularly: 'regelmäßig',
	weekly: (days, w) => `jeden ${w.list(days.map(w.weekday))}`,
	everyNWeeks: (n, days, w) => `alle ${w.number(n)} Wochen am ${w.list(days.map(w.weekday))}`,
	monthlyNth: (groups, w) =>
		`jeden ${w.list(
			groups.map(
				(g) =>
					`${w.list(g.ordinals.map((n) => (n === -1 ? 'letzten' : `${w.number(n)}.`)))} ${w.weekday(g.weekday)}`
			)
		)} im Monat`,
	monthlyDays: (days, w) => `jeden Monat am ${w.list(days.map((d) => `${w.number(d)}.`))}`,
	once: (date) => `einmalig am ${date}`,
	until: (date) => `bis ${date}`
};

const EN_ORDINALS: Record<number, string> = {
	1: 'first',
	2: 'second',
	3: 'third',
	4: 'fourth',
	5: 'fifth',
	[-1]: 'last'
};

const en: Phrases = {
	separator: ', ',
	daily: 'daily',
	regularly: 'regularly',
	weekly: (days, w) => `every ${w.list(days.map(w.weekday))}`,
	everyNWeeks: (n, days, w) => `every ${w.number(n)} weeks on ${w.list(days.map(w.weekday))}`,
	monthlyNth: (groups, w) =>
		`on the ${w.list(
			groups.map((g) => `${w.list(g.ordinals.map((n) => EN_ORDINALS[n]!))} ${w.weekday(g.weekday)}`)
		)} of every month`,
	monthlyDays: (days, w) =>
		`on the ${w.list(
			days.map(
				(d) =>
					w.number(d) + form(w.ordinalPlural(d), { one: 'st', two: 'nd', few: 'rd', other: 'th' })
			)
		)} of every month`,
	once: (date) => `once on ${date}`,
	until: (date) => `until ${date}`
};

/** Arabic weekday without the article: الثلاثاء → ثلاثاء, for "أول سبت". */
function withoutArticle(name: string): string {
	return name.startsWith('ال') ? name.slice(2) : name;
}

const AR_ORDINALS: Record<number, string> = {
	1: 'أول',
	2: 'ثاني',
	3: 'ثالث',
	4: 'رابع',
	5: 'خامس',
	[-1]: 'آخر'
};

const ar: Phrases = {
	separator: '، ',
	daily: 'يوميًا',
	regularly: 'بانتظام',
	weekly: (days, w) =>
		days.length === 1
			? `كل يوم ${w.weekday(days[0]!)}`
			: `أيام ${w.list(days.map(w.weekday))} من كل أسبوع`,
	everyNWeeks: (n, days, w) => {
		const every = form(w.plural(n), {
			two: 'كل أسبوعين',
			few: `كل ${w.number(n)} أسابيع`,
			many: `كل ${w.number(n)} أسبوعًا`,
			other: `كل ${w.number(n)} أسبوع`
		});
		const on = days.length === 1 ? 'يوم' : 'أيام';
		return `${every} ${on} ${w.list(days.map(w.weekday))}`;
	},
	monthlyNth: (groups, w) =>
		`${w.list(
			groups.map(
				(g) =>
					`${w.list(g.ordinals.map((n) => AR_ORDINALS[n]!))} ${withoutArticle(w.weekday(g.weekday))}`
			)
		)} من كل شهر`,
	monthlyDays: (days, w) => `يوم ${w.list(days.map(w.number))} من كل شهر`,
	once: (date) => `مرة واحدة: ${date}`,
	until: (date) => `حتى ${date}`
};

const FA_ORDINALS: Record<number, string> = {
	1: 'اولین',
	2: 'دومین',
	3: 'سومین',
	4: 'چهارمین',
	5: 'پنجمین',
	[-1]: 'آخرین'
};
const ZWNJ = '\u200c';
/** Ezafe after a final ه (every Persian weekday name ends in one): شنبهٔ */
const EZAFE = '\u0654';

const fa: Phrases = {
	separator: '، ',
	daily: 'هر روز',
	regularly: `به${ZWNJ}طور منظم`,
	weekly: (days, w) => `هر ${w.list(days.map(w.weekday))}`,
	everyNWeeks: (n, days, w) =>
		`هر ${w.number(n)} هفته یک${ZWNJ}بار، ${w.list(days.map((d) => `${w.weekday(d)}${ZWNJ}ها`))}`,
	monthlyNth: (groups, w) =>
		`${w.list(
			groups.map((g) => `${w.list(g.ordinals.map((n) => FA_ORDINALS[n]!))} ${w.weekday(g.weekday)}`)
		)}${EZAFE} هر ماه`,
	monthlyDays: (days, w) => `روز ${w.list(days.map(w.number))} هر ماه`,
	once: (date) => `یک${ZWNJ}بار: ${date}`,
	until: (date) => `تا ${date}`
};

const TR_ORDINALS: Record<number, string> = {
	1: 'ilk',
	2: 'ikinci',
	3: 'üçüncü',
	4: 'dördüncü',
	5: 'beşinci',
	[-1]: 'son'
};
/** Turkish weekday names are capitalised only as part of a date: "her salı". */
const trDay = (w: Words, d: WeekdayIndex) => w.weekday(d).toLocaleLowerCase('tr');

const tr: Phrases = {
	separator: ', ',
	daily: 'her gün',
	regularly: 'düzenli olarak',
	weekly: (days, w) => `her ${w.list(days.map((d) => trDay(w, d)))}`,
	everyNWeeks: (n, days, w) =>
		`${w.number(n)} haftada bir, ${w.list(days.map((d) => trDay(w, d)))} günleri`,
	monthlyNth: (groups, w) =>
		`her ayın ${w.list(
			groups.map((g) => `${w.list(g.ordinals.map((n) => TR_ORDINALS[n]!))} ${trDay(w, g.weekday)}`)
		)} günü`,
	monthlyDays: (days, w) => `her ayın ${w.list(days.map((d) => `${w.number(d)}.`))} günü`,
	once: (date) => `tek seferlik: ${date}`,
	until: (date) => `${date} tarihine kadar`
};

const RO_ORDINALS: Record<number, string> = {
	1: 'prima',
	2: 'a doua',
	3: 'a treia',
	4: 'a patra',
	5: 'a cincea',
	[-1]: 'ultima'
};

const ro: Phrases = {
	separator: ', ',
	daily: 'zilnic',
	regularly: 'regulat',
	weekly: (days, w) => `în fiecare ${w.list(days.map(w.weekday))}`,
	everyNWeeks: (n, days, w) =>
		`o dată la ${w.number(n)} ${form(w.plural(n), { few: 'săptămâni', one: 'săptămână', other: 'de săptămâni' })}, ${w.list(days.map(w.weekday))}`,
	// every Romanian weekday is feminine: prima sâmbătă, ultima vineri
	monthlyNth: (groups, w) =>
		`în ${w.list(
			groups.map((g) => `${w.list(g.ordinals.map((n) => RO_ORDINALS[n]!))} ${w.weekday(g.weekday)}`)
		)} a fiecărei luni`,
	monthlyDays: (days, w) =>
		days.length === 1
			? `în ziua ${w.number(days[0]!)} a fiecărei luni`
			: `în zilele ${w.list(days.map(w.number))} ale fiecărei luni`,
	once: (date) => `o singură dată: ${date}`,
	until: (date) => `până la ${date}`
};

/*
 * Russian and Ukrainian decline weekdays and ordinals, which Intl does not: the forms below are
 * the plural after "по" ("по вторникам") and the accusative with the ordinal agreeing in gender.
 */
type Gender = 'm' | 'f' | 'n';

interface SlavicForms {
	onDays: string[];
	accusative: string[];
	gender: Gender[];
	ordinals: Record<Gender, Record<number, string>>;
}

const RU: SlavicForms = {
	onDays: [
		'понедельникам',
		'вторникам',
		'средам',
		'четвергам',
		'пятницам',
		'субботам',
		'воскресеньям'
	],
	accusative: ['понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье'],
	gender: ['m', 'm', 'f', 'm', 'f', 'f', 'n'],
	ordinals: {
		m: { 1: 'первый', 2: 'второй', 3: 'третий', 4: 'четвёртый', 5: 'пятый', [-1]: 'последний' },
		f: { 1: 'первую', 2: 'вторую', 3: 'третью', 4: 'четвёртую', 5: 'пятую', [-1]: 'последнюю' },
		n: { 1: 'первое', 2: 'второе', 3: 'третье', 4: 'четвёртое', 5: 'пятое', [-1]: 'последнее' }
	}
};
const RU_EACH: Record<Gender, string> = { m: 'каждый', f: 'каждую', n: 'каждое' };

const ru: Phrases = {
	separator: ', ',
	daily: 'ежедневно',
	regularly: 'регулярно',
	weekly: (days, w) => `по ${w.list(days.map((d) => RU.onDays[d]!))}`,
	everyNWeeks: (n, days, w) =>
		`раз в ${w.number(n)} ${form(w.plural(n), { one: 'неделю', few: 'недели', many: 'недель', other: 'недели' })} по ${w.list(days.map((d) => RU.onDays[d]!))}`,
	monthlyNth: (groups, w) =>
		`${w.list(
			groups.map((g) => {
				const gender = RU.gender[g.weekday]!;
				return `${RU_EACH[gender]} ${w.list(g.ordinals.map((n) => RU.ordinals[gender][n]!))} ${RU.accusative[g.weekday]}`;
			})
		)} месяца`,
	monthlyDays: (days, w) => `каждый месяц ${w.list(days.map((d) => `${w.number(d)}-го`))} числа`,
	once: (date) => `однократно: ${date}`,
	until: (date) => `до ${date}`
};

const UK: SlavicForms = {
	onDays: ['понеділках', 'вівторках', 'середах', 'четвергах', 'пʼятницях', 'суботах', 'неділях'],
	accusative: ['понеділок', 'вівторок', 'середу', 'четвер', 'пʼятницю', 'суботу', 'неділю'],
	gender: ['m', 'm', 'f', 'm', 'f', 'f', 'f'],
	ordinals: {
		m: { 1: 'перший', 2: 'другий', 3: 'третій', 4: 'четвертий', 5: 'пʼятий', [-1]: 'останній' },
		f: { 1: 'першу', 2: 'другу', 3: 'третю', 4: 'четверту', 5: 'пʼяту', [-1]: 'останню' },
		n: { 1: 'перше', 2: 'друге', 3: 'третє', 4: 'четверте', 5: 'пʼяте', [-1]: 'останнє' }
	}
};

const uk: Phrases = {
	separator: ', ',
	daily: 'щодня',
	regularly: 'регулярно',
	weekly: (days, w) => `по ${w.list(days.map((d) => UK.onDays[d]!))}`,
	everyNWeeks: (n, days, w) =>
		`раз на ${w.number(n)} ${form(w.plural(n), { one: 'тиждень', few: 'тижні', many: 'тижнів', other: 'тижня' })} по ${w.list(days.map((d) => UK.onDays[d]!))}`,
	monthlyNth: (groups, w) =>
		`щомісяця в ${w.list(
			groups.map((g) => {
				const gender = UK.gender[g.weekday]!;
				return `${w.list(g.ordinals.map((n) => UK.ordinals[gender][n]!))} ${UK.accusative[g.weekday]}`;
			})
		)}`,
	monthlyDays: (days, w) => `щомісяця ${w.list(days.map((d) => `${w.number(d)}-го`))} числа`,
	once: (date) => `одноразово: ${date}`,
	until: (date) => `до ${date}`
};

const PHRASES: Record<string, Phrases> = { de, en, ar, fa, tr, uk, ru, ro };

/** Languages with their own phrases; any other locale is described in English. */
export const DESCRIBED_LANGUAGES = Object.keys(PHRASES);

/** The language's phrases and the tag Intl formats with ("de-simple" speaks German). */
function resolve(locale: string): { phrases: Phrases; intl: string } {
	const language = locale.split(/[-_]/)[0]!.toLowerCase();
	const phrases = PHRASES[language];
	if (!phrases) return { phrases: en, intl: 'en' };
	let intl = language;
	try {
		const [canonical] = Intl.getCanonicalLocales(locale.replace(/_/g, '-'));
		if (canonical && !/-simple\b/i.test(canonical)) intl = canonical;
	} catch (_error) {
		// not a BCP 47 tag: the language alone will do
	}
	return { phrases, intl };
}

/** Intl objects are costly to create and a page describes many schedules: keep them. */
function cached<T>(cache: Map<string, T>, key: string, create: () => T): T {
	let value = cache.get(key);
	if (value === undefined) {
		value = create();
		cache.set(key, value);
	}
	return value;
}

const wordsCache = new Map<string, Words>();
const formatCache = new Map<string, Intl.DateTimeFormat>();

function wordsFor(intl: string): Words {
	return cached(wordsCache, intl, () => createWords(intl));
}

function createWords(intl: string): Words {
	const weekdayFormat = new Intl.DateTimeFormat(intl, { weekday: 'long', timeZone: 'UTC' });
	const listFormat = new Intl.ListFormat(intl, { type: 'conjunction', style: 'long' });
	const numberFormat = new Intl.NumberFormat(intl, { useGrouping: false });
	const plurals = new Intl.PluralRules(intl);
	const ordinals = new Intl.PluralRules(intl, { type: 'ordinal' });
	// 2024-01-01 was a Monday
	const monday = Date.UTC(2024, 0, 1);
	return {
		weekday: (index) => weekdayFormat.format(monday + index * 86_400_000),
		list: (items) => listFormat.format(items),
		number: (value) => numberFormat.format(value),
		plural: (value) => plurals.select(value),
		ordinalPlural: (value) => ordinals.select(value)
	};
}

/** The time of day in the schedule's zone, as the locale writes it: "10:00–12:00 Uhr". */
function timeRange(start: Date, end: Date, intl: string, timeZone: string): string {
	const format = cached(
		formatCache,
		`${intl} ${timeZone} time`,
		() => new Intl.DateTimeFormat(intl, { hour: '2-digit', minute: '2-digit', timeZone })
	);
	const startDay = toWallClock(start, timeZone);
	const endDay = toWallClock(end, timeZone);
	const sameDay =
		startDay.year === endDay.year && startDay.month === endDay.month && startDay.day === endDay.day;
	// overnight: formatRange would add both dates, the times alone are clearer
	return sameDay
		? format.formatRange(start, end)
		: `${format.format(start)} – ${format.format(end)}`;
}

function dateFormat(intl: string, timeZone: string, style: 'full' | 'long'): Intl.DateTimeFormat {
	// Gregorian everywhere: the offers take place in Germany (fa would default to the Solar Hijri)
	return cached(
		formatCache,
		`${intl} ${timeZone} ${style}`,
		() => new Intl.DateTimeFormat(intl, { dateStyle: style, timeZone, calendar: 'gregory' })
	);
}

/** What the phrases can say about a rule, or null if only "regularly" fits. */
type Shape =
	| { kind: 'daily' }
	| { kind: 'weekly'; interval: number; days: WeekdayIndex[] }
	| { kind: 'monthlyNth'; groups: NthWeekday[] }
	| { kind: 'monthlyDays'; days: number[] };

function sortedUnique(values: number[]): number[] {
	return [...new Set(values)].sort((a, b) => a - b);
}

function shapeOf(rule: RRule, startWeekday: WeekdayIndex, startDayOfMonth: number): Shape | null {
	const weekdays = sortedUnique(rule.byDay.map((d) => WEEKDAYS.indexOf(d.weekday)));
	const plain = !rule.byMonth.length && !rule.byMonthDay.length && !rule.bySetPos.length;
	switch (rule.freq) {
		case 'DAILY':
			if (!plain || (rule.interval !== 1 && weekdays.length)) return null;
			if (weekdays.length) return { kind: 'weekly', interval: 1, days: weekdays };
			return rule.interval === 1 ? { kind: 'daily' } : null;
		case 'WEEKLY':
			if (!plain) return null;
			return {
				kind: 'weekly',
				interval: rule.interval,
				days: weekdays.length ? weekdays : [startWeekday]
			};
		case 'MONTHLY': {
			if (rule.interval !== 1 || rule.byMonth.length) return null;
			if (rule.byMonthDay.length) {
				if (rule.byDay.length || rule.bySetPos.length || rule.byMonthDay.some((d) => d < 0)) {
					return null;
				}
				return { kind: 'monthlyDays', days: sortedUnique(rule.byMonthDay) };
			}
			if (!rule.byDay.length) {
				return rule.bySetPos.length ? null : { kind: 'monthlyDays', days: [startDayOfMonth] };
			}
			// BYDAY=SA;BYSETPOS=1 says the same as BYDAY=1SA
			let entries = rule.byDay;
			if (rule.bySetPos.length) {
				if (rule.byDay.length !== 1 || rule.byDay[0]!.ordinal !== null) return null;
				entries = rule.bySetPos.map((ordinal) => ({ weekday: rule.byDay[0]!.weekday, ordinal }));
			}
			if (entries.some((d) => d.ordinal === null || !ORDINALS.includes(d.ordinal))) return null;
			const groups = new Map<WeekdayIndex, number[]>();
			for (const { weekday, ordinal } of entries) {
				const index = WEEKDAYS.indexOf(weekday);
				groups.set(index, [...(groups.get(index) ?? []), ordinal!]);
			}
			return {
				kind: 'monthlyNth',
				groups: [...groups]
					.sort(([a], [b]) => a - b)
					.map(([weekday, ordinals]) => ({
						weekday,
						// 1st … 5th, then last
						ordinals: [...new Set(ordinals)].sort((a, b) => (a < 0 ? 6 : a) - (b < 0 ? 6 : b))
					}))
			};
		}
		case 'YEARLY':
			return null;
	}
}

/**
 * The schedule in words in a locale (de, de-simple, en, ar, fa, tr, uk, ru, ro; others get
 * English), with times in the schedule's time zone: "jeden Dienstag, 10:00–12:00 Uhr",
 * "jeden 1. Samstag im Monat, …", "einmalig am Dienstag, 24. November 2026, …". A recurrence
 * that ends says until when. `times: false` leaves out the time of day of a repeating one.
 * @throws RRuleError for a rule or time zone that cannot be read
 */
export function describeSchedule(
	schedule: Schedule,
	locale: string,
	options: { times?: boolean } = {}
): string {
	const { phrases, intl } = resolve(locale);
	const withTimes = options.times ?? true;
	const timeZone = schedule.timezone || DEFAULT_TIME_ZONE;
	const start = toInstant(schedule.starts_at);
	const end = new Date(start.getTime() + schedule.duration_minutes * 60_000);
	const times = timeRange(start, end, intl, timeZone);

	if (!schedule.rrule) {
		const date = dateFormat(intl, timeZone, 'full').format(start);
		return [phrases.once(date), times].join(phrases.separator);
	}

	const rule = parseRRule(schedule.rrule);
	const local = toWallClock(start, timeZone);
	const shape = shapeOf(
		rule,
		weekdayIndex(dayNumber(local.year, local.month, local.day)),
		local.day
	);
	const w = wordsFor(intl);
	let what: string;
	switch (shape?.kind) {
		case 'daily':
			what = phrases.daily;
			break;
		case 'weekly':
			what =
				shape.interval === 1
					? phrases.weekly(shape.days, w)
					: phrases.everyNWeeks(shape.interval, shape.days, w);
			break;
		case 'monthlyNth':
			what = phrases.monthlyNth(shape.groups, w);
			break;
		case 'monthlyDays':
			what = phrases.monthlyDays(shape.days, w);
			break;
		default:
			what = phrases.regularly;
	}
	// without times where the next date beside it shows them: "jeden Dienstag"
	const parts = withTimes ? [what, times] : [what];
	if (rule.count !== null || rule.until !== null) {
		const last = lastOccurrence(schedule);
		if (last) parts.push(phrases.until(dateFormat(intl, timeZone, 'long').format(last)));
	}
	return parts.join(phrases.separator);
}
