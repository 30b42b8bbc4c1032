// @ts-check
/**
 * yunguan/import-boundaries — ARCHITECTURE §2 as a lint rule (docs/adr/0113). It resolves every
 * import specifier (relative paths against the importing file, `@yunguan/*` names against the
 * workspaces' package.json) and refuses:
 *  - a path that leaves its workspace into another one (packages/x → packages/y/src, bench →
 *    apps/portal-api/src, …): cross-workspace imports go through the other package's exports;
 *  - an `@yunguan/x/sub` subpath that x's package.json `exports` does not list;
 *  - packages importing apps (by name or by path);
 *  - the source (src/) of packages/openstack-sim and packages/cloud-openstack importing each
 *    other (their tests may start the other as a peer: the client's contract suite runs against
 *    the simulator as it runs against real OpenStack);
 *  - routes (apps/portal-api/src/http/**) importing repositories (call a service instead).
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const posix = (p) => p.split(path.sep).join('/');

/** @type {Map<string, { dir: string; subpaths: Set<string> | null }>} */
const workspaces = new Map();
for (const group of ['packages', 'apps']) {
  for (const name of fs.readdirSync(path.join(root, group))) {
    const file = path.join(root, group, name, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    const exp = pkg.exports;
    const subpaths =
      exp == null ? null : new Set(typeof exp === 'string' ? ['.'] : Object.keys(exp));
    workspaces.set(pkg.name, { dir: `${group}/${name}`, subpaths });
  }
}

/** 'packages/x', 'apps/y', or the top folder ('bench', 'scripts', …) of a repo-relative path. */
const unitOf = (rel) => {
  const [first = '', second] = rel.split('/');
  return (first === 'packages' || first === 'apps') && second ? `${first}/${second}` : first;
};
const isWorkspace = (unit) => unit.startsWith('packages/') || unit.startsWith('apps/');
const nameOf = (unit) =>
  [...workspaces].find(([, w]) => w.dir === unit)?.[0] ?? `the package in ${unit}`;

const SIM = 'packages/openstack-sim';
const CLIENT = 'packages/cloud-openstack';

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Import boundaries between workspaces and layers (ARCHITECTURE §2).' },
    schema: [],
    messages: {
      crossByPath:
        "'{{spec}}' reaches into {{target}} by path. Import {{name}} through its package exports.",
      notExported:
        "'{{spec}}' is not in {{name}}'s package.json exports. Add an export or use one.",
      packageToApp: "Packages never import apps ('{{spec}}').",
      simAndClient:
        'packages/openstack-sim and packages/cloud-openstack share no source: the simulator must earn trust independently of the client it tests.',
      routeToRepository:
        "Routes never import repositories ('{{spec}}'): call a service verb that does.",
    },
  },
  create(context) {
    const file = posix(path.relative(root, context.filename));
    if (file.startsWith('..')) return {};
    const from = unitOf(file);

    const check = (node, spec) => {
      if (typeof spec !== 'string') return;
      let unit;
      let rel = null;
      if (spec.startsWith('.')) {
        rel = posix(path.relative(root, path.resolve(path.dirname(context.filename), spec)));
        unit = unitOf(rel);
        if (unit !== from && isWorkspace(unit)) {
          const messageId =
            from.startsWith('packages/') && unit.startsWith('apps/')
              ? 'packageToApp'
              : 'crossByPath';
          context.report({ node, messageId, data: { spec, target: unit, name: nameOf(unit) } });
          return;
        }
      } else {
        const match = /^(@yunguan\/[^/]+)(\/.*)?$/.exec(spec);
        const ws = match ? workspaces.get(match[1] ?? '') : undefined;
        if (!match || !ws) return;
        unit = ws.dir;
        if (from.startsWith('packages/') && unit.startsWith('apps/')) {
          context.report({ node, messageId: 'packageToApp', data: { spec } });
          return;
        }
        const sub = match[2] ? `.${match[2]}` : '.';
        if (unit !== from && !ws.subpaths?.has(sub)) {
          context.report({ node, messageId: 'notExported', data: { spec, name: match[1] } });
          return;
        }
      }
      const inSrc = file.startsWith(`${from}/src/`);
      if (inSrc && ((from === SIM && unit === CLIENT) || (from === CLIENT && unit === SIM))) {
        context.report({ node, messageId: 'simAndClient' });
        return;
      }
      if (
        file.startsWith('apps/portal-api/src/http/') &&
        rel?.startsWith('apps/portal-api/src/repositories/')
      ) {
        context.report({ node, messageId: 'routeToRepository', data: { spec } });
      }
    };

    const fromSource = (node) => check(node.source, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: (node) => node.source && fromSource(node),
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
