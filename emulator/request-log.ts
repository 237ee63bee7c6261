/** The log of every request the emulator answered, in arrival order. */
import type { RequestLogEntry } from './types';

/** Append-only request log that tests can read and clear. */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];

  /** Records one answered request. */
  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
  }

  /** Forgets everything logged so far (the array is emptied in place). */
  clear(): void {
    this.entries.length = 0;
  }
}
