// The Custom Elements Manifest of the package (custom-elements.json, the
// package.json "customElements" field): what editors (VS Code's custom data,
// JetBrains), Storybook and framework tooling read about <xinyong-code-input>
// and <xinyong-credit-status>. Made by @custom-elements-manifest/analyzer from
// the JSDoc of npm/elements.mjs (@attr, @fires, @csspart, @readonly on the
// accessors), at every `node scripts/assemble-pkg.mjs`, so it cannot drift.
//   node scripts/elements-manifest.mjs     prints it
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { create, ts } from '@custom-elements-manifest/analyzer';

/** Attributes whose property is not their camelCase name (`value` is the current text; the attribute is the default). */
const PROPERTY_OF = { value: 'defaultValue', readonly: 'readOnly' };

const camelCase = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/**
 * An analyzer plugin that keeps the manifest to the public interface: drops
 * private members (#fields), and links each attribute to the property that
 * reflects it (`fieldName` on the attribute, `attribute` and `reflects` on the member).
 */
const publicInterface = {
  name: 'xinyong-public-interface',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (!decl.customElement) continue;
        decl.members = (decl.members ?? []).filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
        for (const attr of decl.attributes ?? []) {
          const field = PROPERTY_OF[attr.name] ?? camelCase(attr.name);
          const member = decl.members.find((m) => m.kind === 'field' && m.name === field);
          if (!member) continue;
          attr.fieldName = member.name;
          member.attribute = attr.name;
          member.reflects = true;
        }
      }
    }
  },
};

/** The manifest of `source` (npm/elements.mjs), as the package ships it (module path `elements.mjs`). */
export function elementsManifest(source = readFileSync(new URL('../npm/elements.mjs', import.meta.url), 'utf8')) {
  const module = ts.createSourceFile('elements.mjs', source, ts.ScriptTarget.ES2022, true);
  return create({ modules: [module], plugins: [publicInterface] });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(JSON.stringify(elementsManifest(), null, 2) + '\n');
}
