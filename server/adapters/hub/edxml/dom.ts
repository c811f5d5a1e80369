/** Namespace-aware reading helpers: any prefix bound to the edXML namespace, any element order. */
import type { Element, Node } from '@xmldom/xmldom';
import { EDXML_NS } from './constants.ts';

function inEdxml(el: Element): boolean {
  return el.namespaceURI === EDXML_NS || el.namespaceURI === null;
}

export function childElements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let c: Node | null = parent.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/** Children of `parent` in the edXML namespace (or none) with this local name. */
export function children(parent: Element, localName: string): Element[] {
  return childElements(parent).filter((c) => c.localName === localName && inEdxml(c));
}

export function child(parent: Element | undefined, localName: string): Element | undefined {
  return parent ? children(parent, localName)[0] : undefined;
}

/** Concatenated text and CDATA of an element, trimmed; `undefined` when empty (empty reads as absent). */
export function textOf(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  let s = '';
  const pending: Node[] = [el];
  while (pending.length > 0) {
    const n = pending.pop()!;
    if (n.nodeType === 3 || n.nodeType === 4) s += n.nodeValue ?? '';
    else for (let c = n.lastChild; c; c = c.previousSibling) pending.push(c);
  }
  const t = s.trim();
  return t === '' ? undefined : t;
}

export function text(parent: Element | undefined, localName: string): string | undefined {
  return textOf(child(parent, localName));
}

/** Assigns only defined values, so optional fields stay absent rather than `undefined`. */
export function compact<T extends object>(obj: T): T {
  for (const k of Object.keys(obj) as (keyof T)[]) if (obj[k] === undefined) delete obj[k];
  return obj;
}
