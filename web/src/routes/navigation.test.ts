import { describe, expect, it } from 'vitest';
import { visibleNav } from './navigation.ts';

const labels = (abilities: Record<string, string>) => visibleNav(abilities).flatMap((s) => s.items.map((i) => i.label));

describe('role-aware navigation', () => {
  it('shows a clerk the directory but not user administration', () => {
    const items = labels({ 'directory.read': 'all', 'document.issue': 'all' });
    expect(items).toContain('Danh bạ cơ quan');
    expect(items).not.toContain('Quản trị người dùng');
    expect(items).not.toContain('Nhập, xuất danh bạ (CSV)');
  });

  it('shows an agency administrator user administration', () => {
    expect(labels({ 'directory.read': 'all', 'user.manage': 'all' })).toContain('Quản trị người dùng');
  });

  it('shows the operator the CSV import and export', () => {
    expect(labels({ 'directory.read': 'all', 'directory.manage': 'all', 'user.manage': 'bootstrap' })).toContain('Nhập, xuất danh bạ (CSV)');
  });

  it('shows supervisors the supervision screens, leaders their workload, and a clerk neither', () => {
    expect(labels({ 'report.province': 'all' })).toEqual(expect.arrayContaining(['Giám sát toàn tỉnh', 'Báo cáo đánh giá']));
    expect(labels({ 'report.agency': 'all' })).toContain('Tình hình xử lý văn bản');
    expect(labels({ 'report.agency': 'unit' })).toContain('Tình hình xử lý văn bản');
    const clerk = labels({ 'report.agency': 'registers', 'directory.read': 'all' });
    expect(clerk).not.toContain('Tình hình xử lý văn bản');
    expect(clerk).not.toContain('Giám sát toàn tỉnh');
  });

  it('shows members of units their internal documents, and an administrator not', () => {
    expect(labels({ 'draft.create': 'all' })).toContain('Văn bản nội bộ');
    expect(labels({ 'user.manage': 'all' })).not.toContain('Văn bản nội bộ');
  });

  it('shows leaders, deputies and the agency administrator the delegation screen, a specialist not', () => {
    expect(labels({ 'delegation.manage': 'own' })).toContain('Ủy quyền khi vắng mặt');
    expect(labels({ 'delegation.manage': 'all' })).toContain('Ủy quyền khi vắng mặt');
    expect(labels({ 'assignment.work': 'own' })).not.toContain('Ủy quyền khi vắng mặt');
  });

  it('shows case files to those who keep them (casefile.manage), not to a clerk', () => {
    expect(labels({ 'casefile.manage': 'all' })).toContain('Hồ sơ công việc');
    expect(labels({ 'incoming.register': 'all', 'register.read': 'all' })).not.toContain('Hồ sơ công việc');
  });

  it('shows the clerk the change requests not matched to a received document, a specialist not', () => {
    expect(labels({ 'incoming.register': 'all' })).toContain('Yêu cầu thu hồi chưa khớp');
    expect(labels({ 'assignment.work': 'own', 'casefile.manage': 'all' })).not.toContain('Yêu cầu thu hồi chưa khớp');
  });

  it('drops a section whose every item is hidden', () => {
    expect(visibleNav({}).map((s) => s.title)).toEqual(['Chung', 'Tài khoản']);
  });
});
