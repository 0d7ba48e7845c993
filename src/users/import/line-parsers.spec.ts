import { TASK_CHARS, tasks } from './line-parsers';

describe('tasks (what each worker call gets)', () => {
  const line = (n: number, size: number) => ({ line: n, text: 'x'.repeat(size) });

  it('keeps a batch of ordinary lines in one task', () => {
    const lines = Array.from({ length: 500 }, (_, i) => line(i + 1, 200));
    expect(tasks(lines)).toEqual([lines]);
  });

  it('cuts long lines into tasks of at most TASK_CHARS, in order, every line once', () => {
    const lines = Array.from({ length: 100 }, (_, i) => line(i + 1, 60_000));
    const cut = tasks(lines);
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.flat()).toEqual(lines);
    for (const task of cut) expect(task.reduce((n, l) => n + l.text.length, 0)).toBeLessThanOrEqual(TASK_CHARS);
  });

  it('gives a line longer than TASK_CHARS a task of its own', () => {
    const lines = [line(1, 10), line(2, TASK_CHARS + 1), line(3, 10)];
    expect(tasks(lines)).toEqual([[lines[0]], [lines[1]], [lines[2]]]);
  });

  it('makes no task of no line', () => {
    expect(tasks([])).toEqual([]);
  });
});
