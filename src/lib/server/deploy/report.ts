/**
 * The deploy check's findings and how they are printed: one line per finding, and for each
 * that is not fine, what to do about it, so that a city's IT department can act on it.
 */

export type FindingStatus = 'ok' | 'warn' | 'fail' | 'skip';

export interface Finding {
	/** What was checked, e.g. `Supabase`, `Meilisearch`. */
	area: string;
	/** The check, e.g. `migrations`. */
	check: string;
	status: FindingStatus;
	/** What was found, in one sentence. */
	detail: string;
	/** What to do when it is not fine. */
	fix?: string;
}

const MARKS: Record<FindingStatus, string> = {
	ok: 'ok  ',
	warn: 'WARN',
	fail: 'FAIL',
	skip: 'skip'
};

/** The report as text: a line per finding, the fix indented below it, and a verdict. */
export function formatReport(findings: readonly Finding[]): string {
	const lines: string[] = [];
	let area = '';
	for (const finding of findings) {
		if (finding.area !== area) {
			area = finding.area;
			lines.push('', area);
		}
		lines.push(`  ${MARKS[finding.status]}  ${finding.check}: ${finding.detail}`);
		if (finding.fix && finding.status !== 'ok') lines.push(`        → ${finding.fix}`);
	}
	lines.push('', verdict(findings));
	return lines.join('\n');
}

/** One line: ready, ready with warnings, or not ready. */
export function verdict(findings: readonly Finding[]): string {
	const count = (status: FindingStatus) => findings.filter((f) => f.status === status).length;
	const failed = count('fail');
	const warned = count('warn');
	if (failed > 0) {
		return `NOT READY: ${failed} check${failed === 1 ? '' : 's'} failed, ${warned} warning${warned === 1 ? '' : 's'}`;
	}
	return warned > 0
		? `ready, with ${warned} warning${warned === 1 ? '' : 's'}`
		: 'ready: every check passed';
}
