/**
 * A DOM-free stand-in for `document` in tests of render.js: builds nodes that serialize the way a
 * browser does (text and attribute values escaped), so a test can read what toDom() produced.
 * @example toDom(view, stringDocument).outerHTML
 */
export interface StringNode {
  readonly outerHTML: string;
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

class StringText implements StringNode {
  constructor(private readonly text: string) {}
  get outerHTML(): string {
    return escapeText(this.text);
  }
}

class StringElement implements StringNode {
  private readonly attributes: Array<[string, string]> = [];
  private readonly children: StringNode[] = [];
  constructor(private readonly tag: string) {}
  setAttribute(name: string, value: string): void {
    this.attributes.push([name, value]);
  }
  appendChild(child: StringNode): StringNode {
    this.children.push(child);
    return child;
  }
  get outerHTML(): string {
    const attributes = this.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
    return `<${this.tag}${attributes}>${this.children.map((child) => child.outerHTML).join('')}</${this.tag}>`;
  }
}

export const stringDocument = {
  createElement: (tag: string) => new StringElement(tag),
  createElementNS: (_namespace: string, tag: string) => new StringElement(tag),
  createTextNode: (text: string): StringNode => new StringText(text),
};
