import { describe, expect, it } from 'vitest';
import { SignInLimits } from './sign-in-limits';

describe('SignInLimits', () => {
	it('lets an account wait after its failures, whichever address they came from', async () => {
		const limits = new SignInLimits({ perAccount: 3, perAddress: 100, windowSeconds: 60 });
		for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
			expect(await limits.waitSeconds('Editor@Example.org', address)).toBe(0);
			await limits.failed('editor@example.org ', address);
		}
		const wait = await limits.waitSeconds('editor@example.org', '10.0.0.4');
		expect(wait).toBeGreaterThan(0);
		expect(wait).toBeLessThanOrEqual(60);
		// another account from the same addresses is not affected
		expect(await limits.waitSeconds('other@example.org', '10.0.0.1')).toBe(0);
	});

	it('lets an address wait after failures for many accounts', async () => {
		const limits = new SignInLimits({ perAccount: 100, perAddress: 4, windowSeconds: 60 });
		for (let index = 0; index < 4; index++)
			await limits.failed(`a${index}@example.org`, '10.0.0.9');
		expect(await limits.waitSeconds('new@example.org', '10.0.0.9')).toBeGreaterThan(0);
		expect(await limits.waitSeconds('new@example.org', '10.0.0.10')).toBe(0);
	});

	it("forgets an account's failures after a success, and all of them after the window", async () => {
		const limits = new SignInLimits({ perAccount: 2, perAddress: 100, windowSeconds: 1 });
		await limits.failed('a@example.org', '10.0.0.1');
		await limits.succeeded('a@example.org');
		await limits.failed('a@example.org', '10.0.0.1');
		expect(await limits.waitSeconds('a@example.org', '10.0.0.1')).toBe(0);
		await limits.failed('a@example.org', '10.0.0.1');
		expect(await limits.waitSeconds('a@example.org', '10.0.0.1')).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		expect(await limits.waitSeconds('a@example.org', '10.0.0.1')).toBe(0);
	});
});
