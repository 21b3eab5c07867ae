// Demo accounts for signing in. All share the password below; the addresses are at
// demo.example.org, a domain reserved for examples, so no mail ever reaches anyone.

export const DEMO_PASSWORD = 'demo-passwort';

export interface DemoUser {
	key: string;
	email: string;
	/** Administers the whole city (the integration office). */
	cityAdmin?: boolean;
	/** Reads the city office's pages and changes nothing (a council member). */
	cityObserver?: boolean;
	memberships: { organisation: string; role: 'admin' | 'editor' }[];
}

export const USERS: DemoUser[] = [
	{
		key: 'integrationsamt',
		email: 'integrationsamt@demo.example.org',
		cityAdmin: true,
		memberships: [{ organisation: 'amt-fuer-integration', role: 'admin' }]
	},
	{
		key: 'stadtteilbuero-sankt-mang',
		email: 'stadtteilbuero-sankt-mang@demo.example.org',
		memberships: [{ organisation: 'stadtteilbuero-sankt-mang', role: 'editor' }]
	},
	{
		key: 'stadtrat',
		email: 'stadtrat@demo.example.org',
		cityObserver: true,
		memberships: []
	},
	{
		key: 'vhs',
		email: 'vhs@demo.example.org',
		memberships: [{ organisation: 'vhs-kempten', role: 'admin' }]
	}
];
