/**
 * The data directory's lock: who is a live holder, which leftover locks are stale, waiting for a
 * holder and refusing with a message that says whom and what to do. With flock(1) (a real holder
 * process that is killed) and with the lock file alone.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	currentHolder,
	formatHolder,
	lockDataDir,
	LOCK_FILE,
	parseHolder,
	staleReason,
	startTicksOf,
	type Holder
} from './lock';

let root: string;
const children: ChildProcess[] = [];

beforeAll(() => {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-lock-'));
});

afterEach(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function dataDir(name: string): string {
	const dir = path.join(root, name);
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

function exited(child: ChildProcess): Promise<void> {
	return new Promise((resolve) =>
		child.exitCode !== null || child.signalCode !== null
			? resolve()
			: child.once('exit', () => resolve())
	);
}

/** A live process that is not this one. */
function sleeper(): ChildProcess & { pid: number } {
	const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
	children.push(child);
	return child as ChildProcess & { pid: number };
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ['-e', '']);
	await exited(child);
	return child.pid!;
}

/** The lock file as a process on this machine would have written it. */
function holderFor(pid: number, changes: Partial<Holder> = {}): Holder {
	return {
		...currentHolder(),
		pid,
		startedAt: '2026-11-30T08:00:00.000Z',
		startTicks: startTicksOf(pid),
		...changes
	};
}

function messages() {
	const lines: string[] = [];
	return { lines, log: (line: string) => lines.push(line) };
}

const hasProc = fs.existsSync('/proc/self/stat');
const hasFlock = spawnSync('flock', ['--version']).status === 0;

describe('staleReason', () => {
	const self = currentHolder();

	it('keeps the lock of a live process started when it says', () => {
		const live = sleeper();
		expect(staleReason(holderFor(live.pid), self)).toBeNull();
	});

	it('calls the lock of an ended process stale', async () => {
		const pid = await deadPid();
		expect(staleReason(holderFor(pid, { startTicks: 1 }), self)).toBe(`process ${pid} has ended`);
	});

	it.skipIf(!hasProc)('calls a lock stale whose pid is now another program', () => {
		const live = sleeper();
		const ticks = startTicksOf(live.pid)!;
		expect(staleReason(holderFor(live.pid, { startTicks: ticks - 100 }), self)).toBe(
			`process ${live.pid} is now another program, started later`
		);
	});

	it.skipIf(!hasProc)('calls a lock from before the machine restarted stale', () => {
		const live = sleeper();
		const holder = holderFor(live.pid, { bootId: '00000000-0000-0000-0000-000000000000' });
		expect(staleReason(holder, self)).toBe('it was taken before the machine restarted');
	});

	it('calls a lock that names this pid stale unless this process holds it (process 1 in a container)', () => {
		const holder = holderFor(process.pid, { startTicks: 1 });
		expect(staleReason(holder, self)).toBe(`process ${process.pid} is this one now`);
		expect(staleReason(holder, self, true)).toBeNull();
	});

	it('respects a lock from another host, whose processes it cannot see', async () => {
		expect(staleReason(holderFor(await deadPid(), { host: 'elsewhere' }), self)).toBeNull();
	});

	it('reads what it writes, and nothing from an empty file', () => {
		const holder = holderFor(process.pid);
		expect(parseHolder(formatHolder(holder))).toEqual(holder);
		expect(parseHolder('')).toBeNull();
		// earlier versions wrote pid, host and time
		expect(parseHolder('12\nportal\n2026-11-01T00:00:00.000Z\n')).toMatchObject({
			pid: 12,
			host: 'portal',
			bootId: '',
			startTicks: null
		});
	});
});

describe('lockDataDir with the lock file alone', () => {
	it('takes over the lock of an ended process and says so', async () => {
		const dir = dataDir('file-dead');
		const pid = await deadPid();
		fs.writeFileSync(path.join(dir, LOCK_FILE), formatHolder(holderFor(pid)));
		const { lines, log } = messages();
		const lock = await lockDataDir(dir, { flock: false, log, waitMs: 0 });
		expect(lines).toEqual([
			`${dir} was locked by process ${pid} on ${os.hostname()}, started 2026-11-30T08:00:00.000Z, but process ${pid} has ended: taking over`
		]);
		expect(parseHolder(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))?.pid).toBe(process.pid);
		await lock.release();
		expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
	});

	it.skipIf(!hasProc)('takes over a lock whose pid now belongs to another program', async () => {
		const dir = dataDir('file-reused');
		const live = sleeper();
		const holder = holderFor(live.pid, { startTicks: startTicksOf(live.pid)! - 100 });
		fs.writeFileSync(path.join(dir, LOCK_FILE), formatHolder(holder));
		const { lines, log } = messages();
		const lock = await lockDataDir(dir, { flock: false, log, waitMs: 0 });
		expect(lines[0]).toMatch(
			/, but process \d+ is now another program, started later: taking over$/
		);
		await lock.release();
	});

	it('waits for a live holder, then refuses, naming it and saying what to do', async () => {
		const dir = dataDir('file-live');
		const live = sleeper();
		fs.writeFileSync(path.join(dir, LOCK_FILE), formatHolder(holderFor(live.pid)));
		const { lines, log } = messages();
		const start = Date.now();
		await expect(lockDataDir(dir, { flock: false, log, waitMs: 600 })).rejects.toThrow(
			`the embedded database in ${dir} is in use by process ${live.pid} on ${os.hostname()} ` +
				'(started 2026-11-30T08:00:00.000Z); stop that process before starting this one, or set ' +
				`SUPABASE_URL. If it is no longer running, delete ${path.join(dir, LOCK_FILE)}`
		);
		expect(Date.now() - start).toBeGreaterThanOrEqual(600);
		expect(lines).toEqual([
			`waiting up to 1 s for process ${live.pid} on ${os.hostname()}, started 2026-11-30T08:00:00.000Z to release ${dir}`
		]);
	});

	it('gets the lock when the holder ends while it waits', async () => {
		const dir = dataDir('file-ends');
		const live = sleeper();
		fs.writeFileSync(path.join(dir, LOCK_FILE), formatHolder(holderFor(live.pid)));
		setTimeout(() => live.kill('SIGKILL'), 300);
		const { log } = messages();
		const lock = await lockDataDir(dir, { flock: false, log, waitMs: 5000 });
		await lock.release();
	});
});

describe.skipIf(!hasFlock)('lockDataDir with flock(1)', () => {
	/** Another process holding the lock through lock.ts, like a portal does. */
	async function holderProcess(dir: string): Promise<ChildProcess> {
		// node itself with tsx's loader: the tsx command would run it in a child of its own
		const child = spawn(
			process.execPath,
			[
				'--import',
				'tsx',
				'--input-type=module',
				'-e',
				"const { lockDataDir } = await import('./src/lib/server/embedded/lock.ts');" +
					"await lockDataDir(process.argv[1]); console.log('held'); setInterval(() => {}, 1000);",
				dir
			],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		children.push(child);
		await new Promise<void>((resolve, reject) => {
			child.stdout!.on('data', (chunk: Buffer) => {
				if (chunk.toString().includes('held')) resolve();
			});
			child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
		});
		return child;
	}

	it('refuses a second lock in the same process at once', async () => {
		const dir = dataDir('flock-here');
		const lock = await lockDataDir(dir);
		const start = Date.now();
		await expect(lockDataDir(dir, { waitMs: 5000 })).rejects.toThrow(
			new RegExp(
				`^the embedded database in ${dir} is in use by process ${process.pid} on .+, this process: close it before opening it again$`
			)
		);
		expect(Date.now() - start).toBeLessThan(2000);
		await lock.release();
		// released: the file names nobody, and the next lock is taken without a word
		expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe('');
		const { lines, log } = messages();
		await (await lockDataDir(dir, { log })).release();
		expect(lines).toEqual([]);
	});

	it('waits for a live holder, refuses, and takes over once it was killed', async () => {
		const dir = dataDir('flock-killed');
		const holder = await holderProcess(dir);
		const named = parseHolder(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8'))!;
		expect(named.pid).toBe(holder.pid);

		const { lines, log } = messages();
		await expect(lockDataDir(dir, { log, waitMs: 500 })).rejects.toThrow(
			`the embedded database in ${dir} is in use by process ${holder.pid} on ${os.hostname()} ` +
				`(started ${named.startedAt}); stop that process before starting this one, or set SUPABASE_URL`
		);
		expect(lines).toEqual([
			`waiting up to 1 s for process ${holder.pid} on ${os.hostname()}, started ${named.startedAt} to release ${dir}`
		]);

		holder.kill('SIGKILL');
		lines.length = 0;
		const lock = await lockDataDir(dir, { log, waitMs: 5000 });
		expect(lines.at(-1)).toBe(
			`${dir} was locked by process ${holder.pid} on ${os.hostname()}, started ${named.startedAt}, ` +
				'which ended without releasing it (crashed or killed): taking over'
		);
		await lock.release();
	});
});
