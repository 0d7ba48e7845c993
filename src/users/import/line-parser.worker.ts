import 'reflect-metadata';
import { parseLine, WireLine } from './line-parser';

/**
 * Runs in a worker thread (see LineParsers): validating a line is the largest CPU cost of an import, and here it
 * neither holds up the event loop (sign-ins go on during an import) nor waits for it (it overlaps the database).
 */
export default function parseLines(lines: { line: number; text: string }[]): WireLine[] {
  return lines.map(({ line, text }) => parseLine(line, text));
}
