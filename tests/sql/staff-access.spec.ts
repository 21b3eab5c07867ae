/**
 * Staff access (supabase/migrations/20261201100000_staff_access.sql): who a signed-in person is
 * (my_access), the organisations whose staff they manage (managed_organisations), an
 * organisation's staff (organisation_staff, add_staff_member, set_staff_role,
 * remove_staff_member), the server's look-up of an address (user_id_by_email) and the trigger
 * that keeps an admin in every organisation. Each test builds a small world as the superuser
 * and calls the functions as PostgREST would, on every engine.
 */
import { describe, expect, it } from 'vitest';
import { engines, useSession, type Actor, type Row, type SqlSession } from '../support/sql-engines';

const id = {
	city: '00000000-0000-4000-8000-000000000001',
	orgA: '00000000-0000-4000-8000-00000000000a',
	orgB: '00000000-0000-4000-8000-00000000000b',
	orgC: '00000000-0000-4000-8000-00000000000c',
	unknownOrg: '00000000-0000-4000-8000-0000000000ff',
	adminA: '00000000-0000-4000-8000-0000000000a1',
	editorA: '00000000-0000-4000-8000-0000000000a2',
	adminB: '00000000-0000-4000-8000-0000000000b1',
	cityAdmin: '00000000-0000-4000-8000-0000000000c1',
	newcomer: '00000000-0000-4000-8000-0000000000d1',
	unknownUser: '00000000-0000-4000-8000-0000000000fe'
};

const user = (userId: string): Actor => ({ role: 'authenticated', userId });
const anon: Actor = { role: 'anon' };
const serviceRole: Actor = { role: 'service_role' };
const adminA = user(id.adminA);
const editorA = user(id.editorA);
const adminB = user(id.adminB);
const cityAdmin = user(id.cityAdmin);
const newcomer = user(id.newcomer);

const signedInAt = new Date('2026-11-30T08:15:00Z');

/**
 * Three organisations: A (Stadtteilbüro A) with an admin and an editor, B (Verein B) with its own
 * admin and the admin of A as an editor, C (Zentrum C) without staff. A city admin, and a
 * newcomer who works nowhere yet.
 */
async function buildWorld(db: SqlSession) {
	await db.query(
		`insert into auth.users (id, email, last_sign_in_at)
		 values ($1, 'anna@example.org', $6), ($2, 'emil@example.org', null),
		        ($3, 'berta@example.org', $6), ($4, 'city@example.org', $6),
		        ($5, 'New.Person@Example.org', null)`,
		[id.adminA, id.editorA, id.adminB, id.cityAdmin, id.newcomer, signedInAt]
	);
	await db.query(
		`insert into public.cities (id, slug, name) values ($1, 'testcity', 'Teststadt')`,
		[id.city]
	);
	await db.query(`insert into public.city_admins (user_id) values ($1)`, [id.cityAdmin]);
	await db.query(
		`insert into public.organisations (id, city_id, slug, name, kind)
		 values ($1, $4, 'org-a', 'Stadtteilbüro A', 'neighbourhood_office'),
		        ($2, $4, 'org-b', 'Verein B', 'club'),
		        ($3, $4, 'org-c', 'Zentrum C', 'provider')`,
		[id.orgA, id.orgB, id.orgC, id.city]
	);
	await db.query(
		`insert into public.memberships (organisation_id, user_id, role)
		 values ($1, $3, 'admin'), ($1, $4, 'editor'), ($2, $5, 'admin'), ($2, $3, 'editor')`,
		[id.orgA, id.orgB, id.adminA, id.editorA, id.adminB]
	);
}

/** Runs one statement as `actor` and returns its rows. */
const as = <T = Row>(db: SqlSession, actor: Actor, sql: string, params: unknown[] = []) =>
	db.as(actor, (q) => q.query<T>(sql, params));

interface Access {
	user_id: string | null;
	city_admin: boolean;
	city_observer: boolean;
	memberships: { organisation_id: string; slug: string; name: string; role: string }[];
}

const myAccess = async (db: SqlSession, actor: Actor) =>
	(await as<{ access: Access }>(db, actor, 'select public.my_access() as access'))[0].access;

interface Managed {
	id: string;
	slug: string;
	name: string;
	kind: string;
	staff_count: number;
}

const managedOrganisations = (db: SqlSession, actor: Actor) =>
	as<Managed>(db, actor, 'select * from public.managed_organisations()');

interface Staff {
	user_id: string;
	email: string;
	role: string;
	member_since: Date;
	last_sign_in_at: Date | null;
}

const organisationStaff = (db: SqlSession, actor: Actor, organisationId: string) =>
	as<Staff>(db, actor, 'select * from public.organisation_staff($1)', [organisationId]);

const addStaffMember = (
	db: SqlSession,
	actor: Actor,
	organisationId: string,
	userId: string,
	role: string
) =>
	as(db, actor, 'select public.add_staff_member($1, $2, $3::public.membership_role)', [
		organisationId,
		userId,
		role
	]);

const setStaffRole = (
	db: SqlSession,
	actor: Actor,
	organisationId: string,
	userId: string,
	role: string
) =>
	as(db, actor, 'select public.set_staff_role($1, $2, $3::public.membership_role)', [
		organisationId,
		userId,
		role
	]);

const removeStaffMember = (db: SqlSession, actor: Actor, organisationId: string, userId: string) =>
	as(db, actor, 'select public.remove_staff_member($1, $2)', [organisationId, userId]);

const userIdByEmail = async (db: SqlSession, actor: Actor, email: string) =>
	(
		await as<{ user_id: string | null }>(
			db,
			actor,
			'select public.user_id_by_email($1) as user_id',
			[email]
		)
	)[0].user_id;

/**
 * Runs one statement as the superuser (no row level security) in a savepoint, so that an error
 * leaves the session usable.
 */
async function asSuperuser(db: SqlSession, sql: string, params: unknown[] = []) {
	await db.query('savepoint as_superuser');
	try {
		const rows = await db.query(sql, params);
		await db.query('release savepoint as_superuser');
		return rows;
	} catch (error) {
		await db.query('rollback to savepoint as_superuser');
		await db.query('release savepoint as_superuser');
		throw error;
	}
}

/** The memberships of an organisation, as the superuser sees them: user id → role. */
async function staffOf(db: SqlSession, organisationId: string) {
	const rows = await db.query<{ user_id: string; role: string }>(
		`select user_id::text, role::text from public.memberships where organisation_id = $1
		 order by user_id`,
		[organisationId]
	);
	return Object.fromEntries(rows.map((row) => [row.user_id, row.role]));
}

for (const engine of engines) {
	describe(`${engine.name}: staff access`, () => {
		const db = useSession(engine);

		describe('my_access()', () => {
			it('gives an editor their user id, no city admin, and exactly their memberships', async () => {
				await buildWorld(db());
				expect(await myAccess(db(), editorA)).toEqual({
					user_id: id.editorA,
					city_admin: false,
					city_observer: false,
					memberships: [
						{
							organisation_id: id.orgA,
							slug: 'org-a',
							name: 'Stadtteilbüro A',
							role: 'editor'
						}
					]
				});
			});

			it('lists every membership of a person, by organisation name, with its role', async () => {
				await buildWorld(db());
				const access = await myAccess(db(), adminA);
				expect(access.city_admin).toBe(false);
				expect(access.memberships).toEqual([
					{ organisation_id: id.orgA, slug: 'org-a', name: 'Stadtteilbüro A', role: 'admin' },
					{ organisation_id: id.orgB, slug: 'org-b', name: 'Verein B', role: 'editor' }
				]);
			});

			it('tells a city admin they are one', async () => {
				await buildWorld(db());
				expect(await myAccess(db(), cityAdmin)).toEqual({
					user_id: id.cityAdmin,
					city_admin: true,
					city_observer: false,
					memberships: []
				});
			});

			it('tells an observer of the concept they are one, and only a city admin appoints one', async () => {
				await buildWorld(db());
				await expect(
					as(db(), adminA, 'insert into public.city_observers (user_id) values ($1)', [id.newcomer])
				).rejects.toMatchObject({ code: '42501' });
				await as(db(), cityAdmin, 'insert into public.city_observers (user_id) values ($1)', [
					id.newcomer
				]);
				expect(await myAccess(db(), newcomer)).toMatchObject({
					city_admin: false,
					city_observer: true,
					memberships: []
				});
			});

			it('gives a person without memberships an empty list', async () => {
				await buildWorld(db());
				expect(await myAccess(db(), newcomer)).toEqual({
					user_id: id.newcomer,
					city_admin: false,
					city_observer: false,
					memberships: []
				});
			});

			it('cannot be executed by visitors', async () => {
				await buildWorld(db());
				await expect(myAccess(db(), anon)).rejects.toMatchObject({ code: '42501' });
			});
		});

		describe('managed_organisations()', () => {
			it('gives an organisation admin only the organisations they administer, with staff counts', async () => {
				await buildWorld(db());
				// the admin of A is an editor of B: B is not theirs to manage
				expect(await managedOrganisations(db(), adminA)).toEqual([
					{
						id: id.orgA,
						slug: 'org-a',
						name: 'Stadtteilbüro A',
						kind: 'neighbourhood_office',
						staff_count: 2
					}
				]);
				expect(await managedOrganisations(db(), adminB)).toEqual([
					{ id: id.orgB, slug: 'org-b', name: 'Verein B', kind: 'club', staff_count: 2 }
				]);
			});

			it('gives an editor none', async () => {
				await buildWorld(db());
				expect(await managedOrganisations(db(), editorA)).toEqual([]);
				expect(await managedOrganisations(db(), newcomer)).toEqual([]);
			});

			it('gives a city admin every organisation, by name', async () => {
				await buildWorld(db());
				const managed = await managedOrganisations(db(), cityAdmin);
				expect(managed.map((o) => [o.slug, o.staff_count])).toEqual([
					['org-a', 2],
					['org-b', 2],
					['org-c', 0]
				]);
			});

			it('cannot be executed by visitors', async () => {
				await buildWorld(db());
				await expect(managedOrganisations(db(), anon)).rejects.toMatchObject({ code: '42501' });
			});
		});

		describe('organisation_staff(org)', () => {
			const staffOfA = [
				{
					user_id: id.adminA,
					email: 'anna@example.org',
					role: 'admin',
					last_sign_in_at: signedInAt
				},
				{ user_id: id.editorA, email: 'emil@example.org', role: 'editor', last_sign_in_at: null }
			];

			it('gives the organisation’s admin its staff with address, role, since and last sign-in', async () => {
				await buildWorld(db());
				const staff = await organisationStaff(db(), adminA, id.orgA);
				expect(staff).toMatchObject(staffOfA);
				for (const member of staff) {
					expect(Object.keys(member).sort()).toEqual([
						'email',
						'last_sign_in_at',
						'member_since',
						'role',
						'user_id'
					]);
					expect(member.member_since).toBeInstanceOf(Date);
				}
			});

			it('gives a city admin the staff of any organisation', async () => {
				await buildWorld(db());
				expect(await organisationStaff(db(), cityAdmin, id.orgA)).toMatchObject(staffOfA);
				expect(await organisationStaff(db(), cityAdmin, id.orgC)).toEqual([]);
			});

			it('refuses an editor of the same organisation and staff of another (42501)', async () => {
				await buildWorld(db());
				await expect(organisationStaff(db(), editorA, id.orgA)).rejects.toMatchObject({
					code: '42501'
				});
				await expect(organisationStaff(db(), adminB, id.orgA)).rejects.toMatchObject({
					code: '42501'
				});
				// an editor of B who administers A
				await expect(organisationStaff(db(), adminA, id.orgB)).rejects.toMatchObject({
					code: '42501'
				});
				await expect(organisationStaff(db(), newcomer, id.orgA)).rejects.toMatchObject({
					code: '42501'
				});
			});

			it('gives no rows for an unknown organisation', async () => {
				await buildWorld(db());
				expect(await organisationStaff(db(), newcomer, id.unknownOrg)).toEqual([]);
				expect(await organisationStaff(db(), cityAdmin, id.unknownOrg)).toEqual([]);
			});

			it('cannot be executed by visitors', async () => {
				await buildWorld(db());
				await expect(organisationStaff(db(), anon, id.orgA)).rejects.toMatchObject({
					code: '42501'
				});
			});
		});

		describe('add_staff_member', () => {
			it('lets an organisation admin add a person, and re-adding changes their role', async () => {
				await buildWorld(db());
				await addStaffMember(db(), adminA, id.orgA, id.newcomer, 'editor');
				expect((await staffOf(db(), id.orgA))[id.newcomer]).toBe('editor');
				expect((await myAccess(db(), newcomer)).memberships).toMatchObject([
					{ organisation_id: id.orgA, role: 'editor' }
				]);

				await addStaffMember(db(), adminA, id.orgA, id.newcomer, 'admin');
				expect(await staffOf(db(), id.orgA)).toEqual({
					[id.adminA]: 'admin',
					[id.editorA]: 'editor',
					[id.newcomer]: 'admin'
				});
			});

			it('lets a city admin add staff to any organisation', async () => {
				await buildWorld(db());
				await addStaffMember(db(), cityAdmin, id.orgC, id.newcomer, 'admin');
				expect(await staffOf(db(), id.orgC)).toEqual({ [id.newcomer]: 'admin' });
			});

			it('refuses an editor and another organisation’s admin (42501 from row level security)', async () => {
				await buildWorld(db());
				await expect(
					addStaffMember(db(), editorA, id.orgA, id.newcomer, 'editor')
				).rejects.toMatchObject({ code: '42501' });
				await expect(
					addStaffMember(db(), adminB, id.orgA, id.newcomer, 'editor')
				).rejects.toMatchObject({ code: '42501' });
				// an editor cannot make themselves admin by re-adding themselves
				await expect(
					addStaffMember(db(), editorA, id.orgA, id.editorA, 'admin')
				).rejects.toMatchObject({ code: '42501' });
				expect(await staffOf(db(), id.orgA)).toEqual({
					[id.adminA]: 'admin',
					[id.editorA]: 'editor'
				});
			});

			it('refuses an unknown organisation (22023)', async () => {
				await buildWorld(db());
				await expect(
					addStaffMember(db(), cityAdmin, id.unknownOrg, id.newcomer, 'editor')
				).rejects.toMatchObject({ code: '22023' });
			});

			it('refuses an unknown user (23503)', async () => {
				await buildWorld(db());
				await expect(
					addStaffMember(db(), adminA, id.orgA, id.unknownUser, 'editor')
				).rejects.toMatchObject({ code: '23503' });
			});

			it('cannot demote the last admin by re-adding them as editor (23514)', async () => {
				await buildWorld(db());
				await expect(
					addStaffMember(db(), adminA, id.orgA, id.adminA, 'editor')
				).rejects.toMatchObject({ code: '23514' });
			});
		});

		describe('set_staff_role and remove_staff_member', () => {
			it('let an organisation admin change a member’s role and remove them', async () => {
				await buildWorld(db());
				await setStaffRole(db(), adminA, id.orgA, id.editorA, 'admin');
				expect((await staffOf(db(), id.orgA))[id.editorA]).toBe('admin');
				await setStaffRole(db(), adminA, id.orgA, id.editorA, 'editor');
				expect((await staffOf(db(), id.orgA))[id.editorA]).toBe('editor');
				await removeStaffMember(db(), adminA, id.orgA, id.editorA);
				expect(await staffOf(db(), id.orgA)).toEqual({ [id.adminA]: 'admin' });
			});

			it('let a city admin change and remove staff of any organisation', async () => {
				await buildWorld(db());
				await setStaffRole(db(), cityAdmin, id.orgB, id.adminA, 'admin');
				await removeStaffMember(db(), cityAdmin, id.orgA, id.editorA);
				expect(await staffOf(db(), id.orgA)).toEqual({ [id.adminA]: 'admin' });
				expect(await staffOf(db(), id.orgB)).toEqual({
					[id.adminA]: 'admin',
					[id.adminB]: 'admin'
				});
			});

			it('answer PT404 for a member the caller may not see or change, and change nothing', async () => {
				await buildWorld(db());
				const refusals: [Actor, string, string][] = [
					[editorA, id.orgA, id.adminA], // sees the member, may not change them
					[adminB, id.orgA, id.editorA], // another organisation's admin
					[adminA, id.orgB, id.adminB], // an editor of B
					[newcomer, id.orgA, id.editorA],
					[adminA, id.orgA, id.newcomer], // not a member
					[cityAdmin, id.unknownOrg, id.adminA]
				];
				for (const [actor, organisationId, userId] of refusals) {
					await expect(
						setStaffRole(db(), actor, organisationId, userId, 'editor')
					).rejects.toMatchObject({ code: 'PT404' });
					await expect(
						removeStaffMember(db(), actor, organisationId, userId)
					).rejects.toMatchObject({ code: 'PT404' });
				}
				expect(await staffOf(db(), id.orgA)).toEqual({
					[id.adminA]: 'admin',
					[id.editorA]: 'editor'
				});
				expect(await staffOf(db(), id.orgB)).toEqual({
					[id.adminA]: 'editor',
					[id.adminB]: 'admin'
				});
			});

			it('neither demote nor remove the last admin of an organisation, whoever asks (23514)', async () => {
				await buildWorld(db());
				for (const actor of [adminA, cityAdmin]) {
					await expect(
						setStaffRole(db(), actor, id.orgA, id.adminA, 'editor')
					).rejects.toMatchObject({ code: '23514' });
					await expect(removeStaffMember(db(), actor, id.orgA, id.adminA)).rejects.toMatchObject({
						code: '23514'
					});
				}
				// nor the superuser, writing the table directly
				await expect(
					asSuperuser(
						db(),
						`delete from public.memberships where organisation_id = $1 and user_id = $2`,
						[id.orgA, id.adminA]
					)
				).rejects.toMatchObject({ code: '23514' });
				expect(await staffOf(db(), id.orgA)).toEqual({
					[id.adminA]: 'admin',
					[id.editorA]: 'editor'
				});
			});

			it('let the last admin keep their role when it is set to admin again', async () => {
				await buildWorld(db());
				await setStaffRole(db(), adminA, id.orgA, id.adminA, 'admin');
				expect((await staffOf(db(), id.orgA))[id.adminA]).toBe('admin');
			});

			it('demote and remove an admin when the organisation has a second one', async () => {
				await buildWorld(db());
				await setStaffRole(db(), adminA, id.orgA, id.editorA, 'admin');
				await setStaffRole(db(), adminA, id.orgA, id.adminA, 'editor');
				expect(await staffOf(db(), id.orgA)).toEqual({
					[id.adminA]: 'editor',
					[id.editorA]: 'admin'
				});
				// now the other one is the last admin
				await expect(
					setStaffRole(db(), cityAdmin, id.orgA, id.editorA, 'editor')
				).rejects.toMatchObject({ code: '23514' });
				await setStaffRole(db(), cityAdmin, id.orgA, id.adminA, 'admin');
				await removeStaffMember(db(), adminA, id.orgA, id.editorA);
				expect(await staffOf(db(), id.orgA)).toEqual({ [id.adminA]: 'admin' });
			});

			it('let an organisation admin leave when another admin stays', async () => {
				await buildWorld(db());
				await addStaffMember(db(), adminA, id.orgA, id.newcomer, 'admin');
				await removeStaffMember(db(), adminA, id.orgA, id.adminA);
				expect(await staffOf(db(), id.orgA)).toEqual({
					[id.editorA]: 'editor',
					[id.newcomer]: 'admin'
				});
			});

			it('still cascade an organisation’s memberships when the organisation is deleted', async () => {
				await buildWorld(db());
				await db().query(`delete from public.organisations where id = $1`, [id.orgA]);
				expect(await staffOf(db(), id.orgA)).toEqual({});
				expect(await staffOf(db(), id.orgB)).toEqual({
					[id.adminA]: 'editor',
					[id.adminB]: 'admin'
				});
			});

			it('still cascade when a city admin deletes the organisation', async () => {
				await buildWorld(db());
				await as(db(), cityAdmin, `delete from public.organisations where id = $1`, [id.orgA]);
				expect(await staffOf(db(), id.orgA)).toEqual({});
			});

			// Documents current behaviour: the cascade from auth.users reaches the trigger while the
			// organisation still exists, so an account that is the last admin of an organisation
			// cannot be deleted until another member is made admin (or the organisation goes).
			it('refuse to delete the account of an organisation’s last admin (23514)', async () => {
				await buildWorld(db());
				await expect(
					asSuperuser(db(), `delete from auth.users where id = $1`, [id.adminB])
				).rejects.toMatchObject({ code: '23514' });
				expect(await staffOf(db(), id.orgB)).toEqual({
					[id.adminA]: 'editor',
					[id.adminB]: 'admin'
				});
				// an editor's account goes, with their memberships
				await db().query(`delete from auth.users where id = $1`, [id.editorA]);
				expect(await staffOf(db(), id.orgA)).toEqual({ [id.adminA]: 'admin' });
				// and so does the admin's, once the organisation has another admin
				await db().query(
					`update public.memberships set role = 'admin' where organisation_id = $1 and user_id = $2`,
					[id.orgB, id.adminA]
				);
				await db().query(`delete from auth.users where id = $1`, [id.adminB]);
				expect(await staffOf(db(), id.orgB)).toEqual({ [id.adminA]: 'admin' });
			});
		});

		describe('user_id_by_email', () => {
			it('finds a user for the service role, ignoring case and surrounding spaces', async () => {
				await buildWorld(db());
				expect(await userIdByEmail(db(), serviceRole, 'new.person@example.org')).toBe(id.newcomer);
				expect(await userIdByEmail(db(), serviceRole, '  NEW.PERSON@example.ORG  ')).toBe(
					id.newcomer
				);
				expect(await userIdByEmail(db(), serviceRole, 'Anna@Example.org')).toBe(id.adminA);
			});

			it('gives null for an unknown address', async () => {
				await buildWorld(db());
				expect(await userIdByEmail(db(), serviceRole, 'nobody@example.org')).toBeNull();
				expect(await userIdByEmail(db(), serviceRole, '')).toBeNull();
			});

			it('cannot be executed by signed-in users or visitors (42501)', async () => {
				await buildWorld(db());
				await expect(userIdByEmail(db(), cityAdmin, 'anna@example.org')).rejects.toMatchObject({
					code: '42501'
				});
				await expect(userIdByEmail(db(), anon, 'anna@example.org')).rejects.toMatchObject({
					code: '42501'
				});
			});
		});
	});
}
