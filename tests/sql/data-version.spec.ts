/**
 * `data_version()`: a counter every transaction that changes what the public sees moves (once,
 * however many statements it has), and the search worker's completion too; the portal's caches
 * follow it (src/lib/server/cache). A test session is one transaction: `nextTransaction` clears
 * the transaction's mark as a new transaction would start without it.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type SqlQuery } from '../support/sql-engines';
import { createCity, createOffer, createOrganisation, createUser } from '../support/factories';

const nextTransaction = (db: SqlQuery) =>
	db.query(`select set_config('portal.data_change_counted', '', true)`);

const version = async (db: SqlQuery) =>
	Number((await db.query<{ v: number }>('select public.data_version() as v'))[0].v);

for (const engine of engines) {
	describe(`${engine.name}: data_version()`, () => {
		const db = useSession(engine);

		it('moves once per transaction that changes public data', async () => {
			const city = await createCity(db());
			const org = await createOrganisation(db(), city.id);
			await nextTransaction(db());
			const before = await version(db());
			const offer = await createOffer(db(), org.id); // two statements: offer and its text
			expect(await version(db())).toBe(before + 1);
			await db().query(`update public.offer_translations set title = 'Neu' where offer_id = $1`, [
				offer.id
			]);
			expect(await version(db())).toBe(before + 1);
			await nextTransaction(db());
			await db().query(`update public.offers set childcare = true where id = $1`, [offer.id]);
			expect(await version(db())).toBe(before + 2);
		});

		it('moves when the worker marks outbox rows done, not when it claims them', async () => {
			const org = await createOrganisation(db(), (await createCity(db())).id);
			await createOffer(db(), org.id);
			await nextTransaction(db());
			const claimed = await db().as({ role: 'service_role' }, async (q) => {
				const before = await version(q);
				const rows = await q.query<{ outbox_ids: number[] }>(
					'select outbox_ids from public.claim_search_outbox(10)'
				);
				expect(await version(q)).toBe(before);
				await q.query('select public.complete_search_outbox($1)', [
					rows.flatMap((r) => r.outbox_ids)
				]);
				return (await version(q)) - before;
			});
			expect(claimed).toBe(1);
		});

		it('does not move for what the public never sees, and any role may read it', async () => {
			const before = await version(db());
			await createUser(db());
			expect(await version(db())).toBe(before);
			for (const role of ['anon', 'service_role'] as const) {
				expect(await db().as({ role }, version)).toBe(before);
			}
		});
	});
}
