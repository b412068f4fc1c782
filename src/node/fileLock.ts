import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import * as path from 'node:path';
import type { NodeFsOps } from './fsPort';

/** A lock older than this is taken to be left behind, whoever holds it: the locked work takes milliseconds. */
export const LOCK_STALE_MS = 10_000;
/** How long a writer waits for a lock before giving up. */
const LOCK_WAIT_MS = 15_000;

const HOST = hostname();
/** This machine in a file name. */
const HOST_TAG = createHash('sha256').update(HOST).digest('hex').slice(0, 8);
/** A lock being taken: `<lock>.<pid>@<host tag>.<12 hex>.new`. */
const STAGED = /\.lock\.(\d+)@([0-9a-f]{8})\.[0-9a-f]{12}\.new$/;
/** A lock being taken is litter after this long, whoever took it. */
const STALE_STAGED_MS = 60_000;

/**
 * Whether `name` is a lock that was being taken by a writer that is gone: one of this machine whose
 * process has ended, or any older than a minute.
 */
export function isStagedLitter(name: string, mtimeMs: number): boolean {
  const m = STAGED.exec(name);
  if (!m) return false;
  return (m[2] === HOST_TAG && !alive(Number(m[1]))) || Date.now() - mtimeMs > STALE_STAGED_MS;
}

/**
 * Whether a lock set aside while being broken (`<lock>.<12 hex>.tmp`, left when its breaker died
 * between the rename and the removal) is litter now: the lock it holds is stale — its writer is
 * gone, or it is old — so nobody can be holding it. A fresh one may be a live writer's lock another
 * moved aside by mistake and is about to put back: it stays.
 */
export async function isBrokenLockLitter(ops: NodeFsOps, aside: string): Promise<boolean> {
  const holder = await readLock(ops, aside);
  return !!holder && isStale(holder);
}

/** The lock that guards writes to `file`: a file beside it, created exclusively. */
export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

/** Whether process `pid` is alive on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * An exclusive lock on one file, shared by every Corpus Lens process (the CLI, each window): held
 * only while a compare-and-swap write checks the file and renames the new content over it, so the
 * check and the replacement are one step for every writer that takes it.
 *
 * The lock is a file created with O_EXCL holding `pid host time token`. One left by a writer that
 * died (killed mid-write) is broken at once when its process is gone from this machine, and by
 * anyone after {@link LOCK_STALE_MS}. Breaking renames the lock aside first and checks it is the one
 * judged stale, so two writers breaking it at once do not both enter. (Programs other than Corpus
 * Lens — an editor, git — do not take the lock; for them the compare-and-swap check narrows the
 * window to the moment between check and rename.)
 */
export async function withFileLock<T>(ops: NodeFsOps, file: string, work: () => Promise<T>): Promise<T> {
  const lock = lockPathFor(file);
  const token = randomBytes(6).toString('hex');
  const mine = `${process.pid} ${HOST} ${Date.now()} ${token}\n`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    if (await create(ops, lock, mine, token)) break;
    const holder = await readLock(ops, lock);
    if (holder && isStale(holder)) {
      await breakLock(ops, lock, holder.text);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`${file} is locked by another writer${holder ? ` (process ${holder.pid} on ${holder.host})` : ''} for more than ${LOCK_WAIT_MS / 1000} s; nothing was written (remove ${lock} if no Corpus Lens is running)`);
    }
    await sleep(1 + Math.random() * Math.min(20, 2 + attempt));
  }
  try {
    return await work();
  } finally {
    // Only our own lock: after LOCK_STALE_MS another writer may have broken it and taken its own.
    const now = await readLock(ops, lock);
    if (now?.text === mine) await ops.unlink(lock).catch(() => undefined);
  }
}

/**
 * Creates the lock with its content in one step: the content goes to a file of its own, linked to
 * the lock's name (a link fails if the name exists), so no lock is ever seen empty, even from a
 * writer killed while taking it. Where links are not supported, an exclusive create and a write.
 */
async function create(ops: NodeFsOps, lock: string, content: string, token: string): Promise<boolean> {
  const bytes = new TextEncoder().encode(content);
  const staged = `${lock}.${process.pid}@${HOST_TAG}.${token}.new`;
  try {
    const h = await ops.open(staged, 'wx', 0o644);
    try {
      await h.writeFile(bytes);
    } finally {
      await h.close();
    }
    try {
      await ops.link(staged, lock);
      return true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Taken meanwhile, or our staged file was cleared away as litter: try again.
      if (code === 'EEXIST' || code === 'ENOENT') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    } finally {
      await ops.unlink(staged).catch(() => undefined);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    const h = await ops.open(lock, 'wx', 0o644);
    try {
      await h.writeFile(bytes);
    } finally {
      await h.close();
    }
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

interface Holder {
  text: string;
  pid: number;
  host: string;
  time: number;
  mtime: number;
}

async function readLock(ops: NodeFsOps, lock: string): Promise<Holder | undefined> {
  try {
    const [bytes, st] = await Promise.all([ops.readFile(lock), ops.stat(lock)]);
    const text = new TextDecoder().decode(bytes);
    const [pid, host, time] = text.trim().split(' ');
    return { text, pid: Number(pid), host: host ?? '', time: Number(time), mtime: st.mtimeMs };
  } catch {
    return undefined; // gone meanwhile, or being written: try again
  }
}

function isStale(h: Holder): boolean {
  if (h.host === HOST && Number.isSafeInteger(h.pid) && h.pid > 0 && !alive(h.pid)) return true;
  // An empty lock (taken without links, its writer killed before writing) has had a second to fill.
  if (!h.text.trim()) return Date.now() - h.mtime > 1_000;
  return Date.now() - h.mtime > LOCK_STALE_MS;
}

async function breakLock(ops: NodeFsOps, lock: string, judged: string): Promise<void> {
  const aside = `${lock}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await ops.rename(lock, aside);
  } catch {
    return; // someone else broke it first
  }
  let text: string | undefined;
  try {
    text = new TextDecoder().decode(await ops.readFile(aside));
  } catch {
    text = undefined;
  }
  if (text !== undefined && text !== judged) {
    // Between our look and the rename, another writer broke the stale lock and took a fresh one,
    // which we just moved: put it back unless the place was taken again.
    await ops.link(aside, lock).catch(() => undefined);
  }
  await ops.unlink(aside).catch(() => undefined);
}
