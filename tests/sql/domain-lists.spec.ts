/**
 * The lists the app keeps of what is not an enum in the database (enums come from the
 * generated `Constants`): categories (a table the migrations fill) and target groups
 * (`private.target_groups()`), in the database's order.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORIES, TARGET_GROUPS } from '$lib/types';
import { engines, useSession } from '../support/sql-engines';

for (const engine of engines) {
	describe(`${engine.name}: the app's lists match the database`, () => {
		const db = useSession(engine);

		it('knows every category, in order', async () => {
			const rows = await db().query<{ slug: string }>(
				'select slug from public.categories order by position'
			);
			expect(rows.map((row) => row.slug)).toEqual([...CATEGORIES]);
		});

		it('knows every target group, in order', async () => {
			const [row] = await db().query<{ groups: string[] }>(
				'select private.target_groups() as groups'
			);
			expect(row.groups).toEqual([...TARGET_GROUPS]);
		});
	});
}
