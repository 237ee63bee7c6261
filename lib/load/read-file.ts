import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The largest input file read: far above any real allow-list, environments or policy file. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads a REGULAR file of at most `maxBytes` as UTF-8. The file is opened without blocking and
 * checked through its open descriptor, so a FIFO, a device (`/dev/zero`) or a socket is refused
 * instead of hanging the command, and a huge file is refused before it is read. Throws an Error
 * whose message says what is wrong.
 */
export function readRegularFile(path: string, maxBytes: number = MAX_FILE_BYTES): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegularFile(kindOf(stat));
    refuseOversize(stat.size, maxBytes);
    // One byte more than the size, to notice a file that grows while it is read.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > stat.size) throw new Error('it changed while being read: try again');
    }
    return decodeText(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}

/** The error every source gives for something that is not a regular file, `kind` saying what it is ("a folder"). */
export function notRegularFile(kind: string): Error {
  return new Error(`it must be a regular file, but it is ${kind}`);
}

/** Throws the error every source gives for a file of `size` bytes above `maxBytes`. */
export function refuseOversize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new Error(`it must be at most ${maxBytes} bytes, but it has ${size}`);
}

/** The file's bytes as text; throws the error every source gives for bytes that are not UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new Error('it must be UTF-8 text, but it holds bytes that are not: save it as UTF-8');
  }
}

function kindOf(stat: ReturnType<typeof fstatSync>): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}
