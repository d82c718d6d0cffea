import type { Resources } from '@pos/i18n';

type Tree = Record<string, unknown>;

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeTree(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = isTree(out[key]) && isTree(value) ? mergeTree(out[key] as Tree, value) : value;
  return out;
}

/**
 * One namespace from several parts of the remote (the till's texts, Admin's): merged deeply per
 * language, a later part's key winning where both have it. The SDK has no such helper; a remote's
 * parts each own their texts file.
 */
export function mergeTexts(...parts: Resources[]): Resources {
  return {
    ru: parts.reduce<Tree>((all, p) => mergeTree(all, p.ru), {}),
    en: parts.reduce<Tree>((all, p) => mergeTree(all, p.en), {}),
  };
}
