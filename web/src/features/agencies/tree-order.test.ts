import { describe, expect, it } from 'vitest';
import type { Agency } from '../../api/agencies.ts';
import { treeOrder, visibleTreeRows } from './tree-order.ts';

const a = (id: string, name: string, parentId: string | null): Agency => ({ id, name, shortName: name, abbreviation: null, level: 'commune', parentId, servedById: null, placeName: null, address: null, contactEmail: null, existedFrom: null, existedTo: null, active: true, note: null, code: null, codeIsSample: false });

describe('directory tree order', () => {
  it('puts each agency under its parent, siblings in Vietnamese alphabetical order', () => {
    const rows = treeOrder([a('x', 'Xã Vĩnh Hậu', 'h'), a('p', 'UBND tỉnh', null), a('h', 'UBND huyện Hòa Bình', 'p'), a('s', 'Sở Nội vụ', 'p'), a('y', 'Xã Minh Diệu', 'h')]);
    expect(rows.map((r) => [r.agency.id, r.depth])).toEqual([
      ['p', 0],
      ['s', 1],
      ['h', 1],
      ['y', 2],
      ['x', 2],
    ]);
  });

  it('treats an agency whose parent was filtered out as a root', () => {
    expect(treeOrder([a('x', 'Xã Vĩnh Hậu', 'missing')])).toEqual([{ agency: expect.objectContaining({ id: 'x' }), depth: 0 }]);
  });
});

describe('collapsible directory tree', () => {
  const rows = treeOrder([a('p', 'UBND tỉnh', null), a('h', 'UBND huyện Hòa Bình', 'p'), a('x', 'Xã Vĩnh Hậu', 'h'), a('s', 'Sở Nội vụ', 'p')]);

  it('hides the communes of a collapsed district but keeps its siblings', () => {
    expect(visibleTreeRows(rows, new Set(['p'])).map((r) => [r.agency.id, r.hasChildren, r.expanded])).toEqual([
      ['p', true, true],
      ['s', false, false],
      ['h', true, false],
    ]);
  });

  it('shows only the roots when nothing is expanded, and everything when all are', () => {
    expect(visibleTreeRows(rows, new Set()).map((r) => r.agency.id)).toEqual(['p']);
    expect(visibleTreeRows(rows, new Set(['p', 'h']))).toHaveLength(4);
  });
});
