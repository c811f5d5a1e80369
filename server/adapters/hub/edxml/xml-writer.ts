/** A minimal deterministic XML writer: two-space indentation, LF, escaped text, fixed attribute order. */

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;');
}

export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  /** Finished runs of text, so a large Base64 leaf is copied once, as one-byte Latin-1. */
  private readonly chunks: Buffer[] = [];
  private depth = 0;

  private attrs(attrs: Readonly<Record<string, string>>): string {
    return Object.entries(attrs)
      .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
      .join('');
  }

  open(name: string, attrs: Readonly<Record<string, string>> = {}): this {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}${this.attrs(attrs)}>\n`);
    this.depth++;
    return this;
  }

  close(name: string): this {
    this.depth--;
    this.parts.push(`${'  '.repeat(this.depth)}</${name}>\n`);
    return this;
  }

  empty(name: string, attrs: Readonly<Record<string, string>> = {}): this {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}${this.attrs(attrs)}/>\n`);
    return this;
  }

  /** A leaf element; nothing when the value is absent (optional fields are not emitted empty). */
  leaf(name: string, value: string | undefined, attrs: Readonly<Record<string, string>> = {}): this {
    if (value === undefined) return this;
    this.parts.push(`${'  '.repeat(this.depth)}<${name}${this.attrs(attrs)}>${escapeText(value)}</${name}>\n`);
    return this;
  }

  /** A leaf whose content is Base64 of `bytes`, on one line. */
  base64Leaf(name: string, bytes: Buffer, attrs: Readonly<Record<string, string>> = {}): this {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}${this.attrs(attrs)}>`);
    this.flush();
    this.chunks.push(Buffer.from(bytes.toString('base64'), 'latin1'));
    this.parts.push(`</${name}>\n`);
    return this;
  }

  private flush(): void {
    this.chunks.push(Buffer.from(this.parts.join(''), 'utf8'));
    this.parts.length = 0;
  }

  toBuffer(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }
}
