import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * `api/no-import-cycle`: no circle in the import graph of apps/api/src, type-only imports
 * included. `import-x/no-cycle` skips every `import type` (it has no option to count them), and
 * a service locator hides its loops exactly there — `import type { Services }` — so this rule
 * reads every import and re-export with TypeScript's own pre-processor and reports each import
 * that closes a circle. The graph is built once per lint run.
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The file a relative specifier names (`./x` → x.ts or x/index.ts); undefined for packages. */
function resolveSpecifier(from, specifier, files) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, join(base, 'index.ts')].find((candidate) => files.has(candidate));
}

/** Each file's strongly connected component (Tarjan): files in one component import each other round. */
function components(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const componentOf = new Map();
  let next = 0;
  const visit = (file) => {
    index.set(file, next);
    low.set(file, next);
    next += 1;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file)) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file), index.get(target)));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component = new Set();
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.add(member);
      } while (member !== file);
      for (const m of component) componentOf.set(m, component);
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return componentOf;
}

let cached;
function importGraph() {
  if (cached) return cached;
  const files = new Set(sourceFiles(SRC));
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    graph.set(file, new Set(importedFiles.map((i) => resolveSpecifier(file, i.fileName, files)).filter(Boolean)));
  }
  cached = { files, graph, componentOf: components(graph) };
  return cached;
}

/** The shortest way from `from` back to `to` inside their component, for the message. */
function pathBack(graph, component, from, to) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const file = queue.shift();
    if (file === to) break;
    for (const target of graph.get(file)) {
      if (component.has(target) && !previous.has(target)) {
        previous.set(target, file);
        queue.push(target);
      }
    }
  }
  const path = [];
  for (let file = to; file !== null && file !== undefined; file = previous.get(file)) path.unshift(file);
  return path;
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycle in apps/api/src, type-only imports included' },
    schema: [],
    messages: { cycle: 'Import cycle (type-only imports count): {{path}}. A lower module reaches a higher one through a port it declares (apps/api/CONTEXT.md).' },
  },
  create(context) {
    const filename = resolve(context.filename);
    const { files, graph, componentOf } = importGraph();
    if (!files.has(filename)) return {};
    const component = componentOf.get(filename);
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const target = resolveSpecifier(filename, node.source.value, files);
      if (!target || !(target === filename || (component.size > 1 && component.has(target)))) return;
      const path = [filename, ...pathBack(graph, component, target, filename)].map((f) => f.slice(SRC.length + 1));
      context.report({ node, messageId: 'cycle', data: { path: path.join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'no-import-cycle': rule } };
