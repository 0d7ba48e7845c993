import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/**
 * The rules that keep the architecture visible from the tree (docs/architecture.md): module arrows point one way,
 * `common` and `config` depend on no feature, and files and functions stay small enough to read.
 */
const SRC = __dirname;
const MAX_FILE_LINES = 200;
const MAX_FUNCTION_LINES = 40;
/** Folders every feature may use, which must use no feature themselves. */
const FOUNDATIONS = ['common', 'config'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The top-level folder of src/ a file lives in (a file at the top, such as app.module.ts, is its own). */
const folderOf = (file: string): string => relative(SRC, file).split('/')[0];

function relativeImports(file: string, source: ts.SourceFile): string[] {
  const specs: string[] = [];
  source.forEachChild((node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const spec = node.moduleSpecifier.text;
      if (spec.startsWith('.')) specs.push(resolve(dirname(file), spec));
    }
  });
  return specs.filter((target) => target.startsWith(SRC + '/'));
}

function longFunctions(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      // From the name (or the parameters) on: a route's decorators are its OpenAPI description, not its logic.
      const first = node.name ?? node.parameters.pos;
      const start = source.getLineAndCharacterOfPosition(typeof first === 'number' ? first : first.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      if (end - start + 1 > MAX_FUNCTION_LINES) found.push(`line ${start + 1}: ${end - start + 1} lines`);
    }
    node.forEachChild(visit);
  };
  visit(source);
  return found;
}

const files = sourceFiles(SRC).map((file) => {
  const text = readFileSync(file, 'utf8');
  return { file, text, source: ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true) };
});

/** Arrows between top-level folders: "auth -> users". */
const arrows = new Set(
  files.flatMap(({ file, source }) =>
    relativeImports(file, source)
      .map((target) => [folderOf(file), folderOf(target)])
      .filter(([from, to]) => from !== to && !from.endsWith('.ts') && !to.endsWith('.ts'))
      .map(([from, to]) => `${from} -> ${to}`),
  ),
);

/** Every loop of arrows through the folders, as "a -> b -> a" (depth-first search from each folder). */
function cycles(edges: Set<string>): string[] {
  const next = new Map<string, string[]>();
  for (const [from, to] of [...edges].map((e) => e.split(' -> '))) next.set(from, [...(next.get(from) ?? []), to]);
  const found = new Set<string>();
  const walk = (path: string[]): void => {
    for (const to of next.get(path[path.length - 1]) ?? []) {
      if (to === path[0]) found.add([...path, to].join(' -> '));
      else if (!path.includes(to) && to > path[0]) walk([...path, to]);
    }
  };
  for (const start of next.keys()) walk([start]);
  return [...found];
}

describe('the architecture', () => {
  it('has no import cycle between the top-level folders of src/', () => {
    expect(cycles(arrows)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    expect(cycles(new Set(['a -> b', 'b -> c', 'c -> a', 'c -> d']))).toEqual(['a -> b -> c -> a']);
  });

  it.each(FOUNDATIONS)('%s/ imports no feature folder', (foundation) => {
    const out = [...arrows].filter((arrow) => arrow.startsWith(`${foundation} -> `) && !FOUNDATIONS.includes(arrow.split(' -> ')[1]));
    expect(out).toEqual([]);
  });

  it(`has no file in src/ over ${MAX_FILE_LINES} lines`, () => {
    const long = files.filter(({ text }) => text.split('\n').length > MAX_FILE_LINES).map(({ file }) => relative(SRC, file));
    expect(long).toEqual([]);
  });

  it(`has no function in src/ over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap(({ file, source }) => longFunctions(source).map((where) => `${relative(SRC, file)} ${where}`));
    expect(long).toEqual([]);
  });

  it('sees the arrows it checks (the scan itself works)', () => {
    expect(arrows).toContain('auth -> users');
    expect(arrows).toContain('auth -> google-auth');
  });
});
