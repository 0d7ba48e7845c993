import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface FileLine {
  /** 1-based, blank lines counted, as an editor shows it. */
  number: number;
  text: string;
}

/** The non-blank lines of a file, read as a stream (a file of any size, held one line at a time). */
export async function* fileLines(path: string): AsyncGenerator<FileLine> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number++;
    if (text.trim().length > 0) yield { number, text };
  }
}

/** How many non-blank lines the file has (a first pass, for the progress bar's total). */
export async function countLines(path: string): Promise<number> {
  let count = 0;
  for await (const line of fileLines(path)) if (line) count++;
  return count;
}
