/**
 * One process per data directory: PGlite must never have two writers on the same files.
 *
 * Why not a pid file alone: in a container the portal is process 1, so after a crash the old
 * lock names "process 1", which is alive (it is the restarted portal itself); a pid reused by
 * any other program blocks it just as well. And a live holder in another container on the same
 * machine (a rolling update, a CLI run on the host) has a pid that means nothing here.
 *
 * So the lock is the kernel's: `flock(1)` (util-linux on Debian and Ubuntu, busybox on Alpine)
 * takes an exclusive flock on <dataDir>/embedded-supabase.pid and keeps it while it runs `cat`
 * on a pipe from this process. Node 20 has no flock of its own and we want no native addon.
 * When this process dies, however it dies, the pipe closes, `cat` and `flock` end and the
 * kernel drops the lock within milliseconds; it holds across PID namespaces and containers that
 * share the directory. The file itself only says who holds the lock (pid, host, start time,
 * boot id, process start in clock ticks), for the messages; it is emptied on release and never
 * deleted (a new file would be a new, unlocked inode).
 *
 * Where there is no flock(1) (distroless images, macOS), the file is the lock (created with
 * O_EXCL, removed on release) and a leftover one is judged by what it records: stale when its
 * process has ended, when its pid now belongs to a process started at another time
 * (/proc/<pid>/stat field 22) or when it was taken before the machine restarted
 * (/proc/sys/kernel/random/boot_id). A lock from another host cannot be judged from here: it
 * is respected, and the message says to delete it if that host no longer runs the portal.
 *
 * PGlite keeps a postmaster.pid of its own in the directory (pid -42, single-user mode); it is
 * left behind by a kill -9 and ignored on the next start, which replays the WAL: nothing to do.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The lock file's name, inside the data directory (the name of earlier versions' pid file). */
export const LOCK_FILE = 'embedded-supabase.pid';

/** Who holds (or held) a lock: the lines of the lock file. */
export interface Holder {
	pid: number;
	host: string;
	/** When the process started (ISO 8601), for people. */
	startedAt: string;
	/** /proc/sys/kernel/random/boot_id, '' where there is none. */
	bootId: string;
	/** Start of the process in clock ticks after boot (/proc/<pid>/stat field 22), or null. */
	startTicks: number | null;
}

/** Options of {@link lockDataDir}. */
export interface LockOptions {
	/** How long to wait for a live holder to let go before refusing (default 5000 ms). */
	waitMs?: number;
	/** Use flock(1) (default: when it is installed); false for the lock file alone. */
	flock?: boolean;
	/** Where the lock says what it does (default: console.log with the embedded prefix). */
	log?: (message: string) => void;
}

/** A taken lock. */
export interface DataDirLock {
	/** Lets go of the lock (idempotent); resolves once another process can take it. */
	release(): Promise<void>;
}

const RETRY_MS = 200;

/** Start of a process in clock ticks after boot, or null where /proc does not tell. */
export function startTicksOf(pid: number): number | null {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// "pid (comm) state ppid …": comm may hold spaces and parentheses; field 3 follows the last ')'
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[22 - 3]);
		return Number.isSafeInteger(ticks) ? ticks : null;
	} catch {
		return null;
	}
}

function bootId(): string {
	try {
		return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
	} catch {
		return '';
	}
}

/** This process, as a lock file records it. */
export function currentHolder(): Holder {
	return {
		pid: process.pid,
		host: os.hostname(),
		startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
		bootId: bootId(),
		startTicks: startTicksOf(process.pid)
	};
}

export function formatHolder(holder: Holder): string {
	const { pid, host, startedAt, bootId, startTicks } = holder;
	return `${pid}\n${host}\n${startedAt}\n${bootId}\n${startTicks ?? ''}\n`;
}

/** The holder a lock file names, or null when it names none (empty, or not a lock file). */
export function parseHolder(text: string): Holder | null {
	const [pid, host = '', startedAt = '', boot = '', ticks = ''] = text.split('\n');
	if (!/^\d+$/.test(pid)) return null;
	return {
		pid: Number(pid),
		host,
		startedAt,
		bootId: boot,
		startTicks: /^\d+$/.test(ticks) ? Number(ticks) : null
	};
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Why a lock file left by `holder` no longer holds, as seen by `self`; null when its process
 * may still run. `heldHere`: whether this process holds the lock itself.
 */
export function staleReason(holder: Holder | null, self: Holder, heldHere = false): string | null {
	if (!holder) return 'it names no process';
	// another machine's processes cannot be looked at from here
	if (holder.host !== self.host) return null;
	if (holder.bootId && self.bootId && holder.bootId !== self.bootId) {
		return 'it was taken before the machine restarted';
	}
	if (holder.pid === self.pid) return heldHere ? null : `process ${holder.pid} is this one now`;
	if (!isAlive(holder.pid)) return `process ${holder.pid} has ended`;
	const ticks = startTicksOf(holder.pid);
	if (holder.startTicks !== null && ticks !== null && ticks !== holder.startTicks) {
		return `process ${holder.pid} is now another program, started later`;
	}
	return null;
}

function describe(holder: Holder): string {
	return `process ${holder.pid} on ${holder.host || 'an unknown host'}, started ${holder.startedAt || 'at an unknown time'}`;
}

function readHolder(file: string): Holder | null {
	try {
		return parseHolder(fs.readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

// ---------------------------------------------------------------------------------------------
// The two ways of taking the lock once: the lock, or 'busy' (a live holder), or 'no flock'

/** Lock files this process holds (a second open of the same directory is refused at once). */
const heldHere = new Set<string>();

let flockInstalled: boolean | undefined;

type Attempt = DataDirLock | 'busy' | 'no flock';

/** Takes the flock through `flock -x -n FILE cat`; the lock is held once `cat` echoes. */
function tryFlock(file: string, log: (message: string) => void): Promise<Attempt> {
	return new Promise((resolve, reject) => {
		const child: ChildProcessWithoutNullStreams = spawn('flock', ['-x', '-n', file, 'cat']);
		let stderr = '';
		let locked = false;
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.stdin.on('error', () => {}); // EPIPE when flock ends at once
		child.once('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT') resolve('no flock');
			else reject(error);
		});
		child.stdout.once('data', () => {
			locked = true;
			// the lock must not keep the process alive: it ends with the process anyway
			child.unref();
			for (const stream of [child.stdin, child.stdout, child.stderr]) {
				(stream as unknown as { unref?: () => void }).unref?.();
			}
			resolve(flockLock(file, child, log));
		});
		child.once('exit', (code, signal) => {
			if (locked) return;
			if (code === 1) resolve('busy');
			else
				reject(new Error(`flock ${file} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
		});
		child.stdin.write('locked\n');
	});
}

function flockLock(
	file: string,
	child: ChildProcessWithoutNullStreams,
	log: (message: string) => void
): DataDirLock {
	// A release empties the file: a holder still named in it ended without one.
	const previous = readHolder(file);
	if (previous) {
		log(
			`${path.dirname(file)} was locked by ${describe(previous)}, which ended without ` +
				'releasing it (crashed or killed): taking over'
		);
	}
	fs.writeFileSync(file, formatHolder(currentHolder()));
	heldHere.add(file);

	let released: Promise<void> | undefined;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	void exited.then(() => {
		if (!released) {
			console.error(
				`[embedded supabase] the flock on ${file} ended unexpectedly: another process may now open this database`
			);
		}
	});
	// the process ends without release(): the kernel drops the lock; the file should say so
	const onExit = () => {
		try {
			fs.writeFileSync(file, '');
		} catch {
			// the directory is gone
		}
	};
	process.on('exit', onExit);
	return {
		release() {
			released ??= (async () => {
				process.removeListener('exit', onExit);
				heldHere.delete(file);
				fs.writeFileSync(file, '');
				child.stdin.end();
				const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
				await exited;
				clearTimeout(timer);
			})();
			return released;
		}
	};
}

/** Creates the lock file with O_EXCL: the file is the lock. */
function tryLockFile(file: string, log: (message: string) => void): Attempt {
	const content = formatHolder(currentHolder());
	try {
		fs.writeFileSync(file, content, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		const holder = readHolder(file);
		const reason = staleReason(holder, currentHolder(), heldHere.has(file));
		if (reason === null) return 'busy';
		// Move it aside and check that what moved is what was judged: another process may have
		// taken over the same stale lock in between, and its new lock must stay.
		const aside = `${file}.${process.pid}.stale`;
		try {
			fs.renameSync(file, aside);
		} catch {
			return tryLockFile(file, log);
		}
		const moved = readHolder(aside);
		if (JSON.stringify(moved) !== JSON.stringify(holder)) {
			try {
				fs.linkSync(aside, file);
			} catch {
				// yet another lock is there: it decides
			}
			fs.rmSync(aside, { force: true });
			return 'busy';
		}
		fs.rmSync(aside, { force: true });
		log(
			holder
				? `${path.dirname(file)} was locked by ${describe(holder)}, but ${reason}: taking over`
				: `taking over the empty lock file of ${path.dirname(file)}`
		);
		return tryLockFile(file, log);
	}
	heldHere.add(file);
	const remove = () => {
		heldHere.delete(file);
		try {
			if (fs.readFileSync(file, 'utf8') === content) fs.rmSync(file, { force: true });
		} catch {
			// already gone
		}
	};
	process.on('exit', remove);
	return {
		release() {
			process.removeListener('exit', remove);
			remove();
			return Promise.resolve();
		}
	};
}

// ---------------------------------------------------------------------------------------------

/**
 * Takes the lock of a data directory. A live holder is waited for (a restart right after a
 * crash may find the old lock for a moment), then refused with a message naming it; a lock
 * held by this very process is refused at once.
 */
export async function lockDataDir(
	dataDir: string,
	options: LockOptions = {}
): Promise<DataDirLock> {
	const file = path.join(dataDir, LOCK_FILE);
	const waitMs = options.waitMs ?? 5000;
	const log = options.log ?? ((message: string) => console.log(`[embedded supabase] ${message}`));
	const deadline = Date.now() + waitMs;
	let useFlock = options.flock ?? flockInstalled ?? true;
	let waiting = false;
	for (;;) {
		const attempt = useFlock ? await tryFlock(file, log) : tryLockFile(file, log);
		if (attempt === 'no flock') {
			flockInstalled = useFlock = false;
			log('flock(1) is not installed: the lock file alone guards the data directory');
			continue;
		}
		if (useFlock) flockInstalled = true;
		if (attempt !== 'busy') return attempt;

		const holder = readHolder(file);
		const self = currentHolder();
		const here =
			heldHere.has(file) && holder?.pid === self.pid && holder.startTicks === self.startTicks;
		if (here || Date.now() >= deadline) {
			throw new Error(refusal(dataDir, file, holder, here, useFlock));
		}
		if (!waiting) {
			log(
				`waiting up to ${Math.round(waitMs / 1000)} s for ${holder ? describe(holder) : 'another process'} to release ${dataDir}`
			);
			waiting = true;
		}
		await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
	}
}

function refusal(
	dataDir: string,
	file: string,
	holder: Holder | null,
	here: boolean,
	flock: boolean
): string {
	const who = holder
		? `process ${holder.pid} on ${holder.host || 'an unknown host'} (started ${holder.startedAt || 'at an unknown time'})`
		: 'another process';
	let message = `the embedded database in ${dataDir} is in use by ${who}`;
	if (here) return `${message}, this process: close it before opening it again`;
	message += '; stop that process before starting this one, or set SUPABASE_URL';
	if (!flock) message += `. If it is no longer running, delete ${file}`;
	return message;
}
