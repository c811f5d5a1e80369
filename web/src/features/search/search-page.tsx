import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { findDocumentTypes, KIND_LABELS, searchDocuments, STATUS_LABELS, type SearchResult, type Suggestion } from '../../api/search.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { numberLine } from './format.ts';
import { Highlighted } from './highlighted.tsx';
import { SearchBox } from './search-box.tsx';
import { FILTER_KEYS, SearchFilters, type FilterValues } from './search-filters.tsx';

const TEXT_NOTES: Record<string, string> = {
  pending: 'Nội dung tệp đang chờ đọc',
  working: 'Nội dung tệp đang được đọc',
  no_text: 'Tệp không có chữ đọc được (bản quét)',
  failed: 'Không đọc được nội dung tệp',
};

function filtersFrom(params: URLSearchParams): FilterValues {
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as FilterValues;
}

/** Tìm kiếm văn bản: one box with suggestions, filters, ranked results with the matching words marked. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const applied = filtersFrom(params);
  const [draft, setDraft] = useState(q);
  const [filters, setFilters] = useState<FilterValues>(applied);
  const catalogue = useLoad((signal) => findDocumentTypes(signal), []);
  const active = q !== '' || FILTER_KEYS.some((k) => applied[k] !== '');
  const key = params.toString();
  const results = useLoad((signal) => (active ? searchDocuments({ q, ...applied, page }, signal) : Promise.resolve(undefined)), [key]);

  function go(nextQ: string, nextFilters: FilterValues, nextPage = 1) {
    const next = new URLSearchParams();
    if (nextQ.trim()) next.set('q', nextQ.trim());
    for (const k of FILTER_KEYS) if (nextFilters[k]) next.set(k, nextFilters[k]);
    if (nextPage > 1) next.set('page', String(nextPage));
    setParams(next);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    go(draft, filters);
  }

  function onPick(s: Suggestion) {
    const text = s.codeNumber && s.codeNotation ? `${s.codeNumber}/${s.codeNotation} ${s.subject}` : s.subject;
    setDraft(text);
    go(text, filters);
  }

  function onClear() {
    const empty = Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as FilterValues;
    setDraft('');
    setFilters(empty);
    setParams(new URLSearchParams());
  }

  const data = results.data;
  const pages = data ? Math.ceil(data.total / data.pageSize) : 0;
  return (
    <Page title="Tìm kiếm văn bản" subtitle="Tìm trong văn bản đi, văn bản đến mà bạn được xem: trích yếu, số, ký hiệu và nội dung tệp.">
      <form className="search-form" role="search" aria-label="Tìm kiếm văn bản" onSubmit={onSubmit}>
        <SearchBox value={draft} onChange={setDraft} onPick={onPick} />
        <SearchFilters values={filters} onChange={setFilters} catalogue={catalogue.data} />
        <div className="filters-actions">
          <button type="submit" className="button button-primary">Tìm kiếm</button>
          {active && <button type="button" className="button" onClick={onClear}>Xóa điều kiện</button>}
        </div>
      </form>
      <ErrorAlert message={results.error} />
      {results.loading && active && <Loading label="Đang tìm…" />}
      {data && (
        <>
          <p className="result-count" role="status" aria-live="polite">
            {data.total === 0 ? 'Không tìm thấy văn bản nào phù hợp.' : data.totalCapped ? `Tìm thấy hơn ${data.total.toLocaleString('vi-VN')} văn bản; thêm từ khóa hoặc bộ lọc để thu hẹp.` : `Tìm thấy ${data.total} văn bản.`}
          </p>
          <ol className="search-results" aria-label="Kết quả tìm kiếm">
            {data.items.map((item) => <ResultItem key={`${item.kind}:${item.documentId}`} item={item} />)}
          </ol>
          {pages > 1 && (
            <nav className="pager" aria-label="Trang kết quả">
              <button type="button" className="button" disabled={page <= 1} onClick={() => go(q, applied, page - 1)}>Trang trước</button>
              <span>Trang {page} / {pages}</span>
              <button type="button" className="button" disabled={page >= pages} onClick={() => go(q, applied, page + 1)}>Trang sau</button>
            </nav>
          )}
        </>
      )}
      {!active && <p className="empty">Gõ vài chữ của trích yếu, số ký hiệu hoặc chọn điều kiện lọc để bắt đầu.</p>}
    </Page>
  );
}

function ResultItem({ item }: { item: SearchResult }) {
  const meta = [numberLine(item), item.typeName, item.organName, item.signerName && `Người ký: ${item.signerName}`].filter(Boolean).join(' · ');
  return (
    <li className="search-result">
      <p className="search-result-kind">
        <span className="badge">{KIND_LABELS[item.kind]}</span>
        <span className="badge badge-muted">{STATUS_LABELS[item.status] ?? item.status}</span>
        {item.urgency !== 'normal' && <span className="badge badge-urgent">{{ urgent: 'Khẩn', very_urgent: 'Thượng khẩn', flash: 'Hỏa tốc' }[item.urgency]}</span>}
      </p>
      <h2 className="search-result-subject"><Highlighted segments={item.subjectSegments} /></h2>
      <p className="search-result-meta">{meta}</p>
      {item.textSnippet && <p className="search-result-snippet"><Highlighted segments={item.textSnippet} /></p>}
      {item.textState && TEXT_NOTES[item.textState] && <p className="hint">{TEXT_NOTES[item.textState]}</p>}
    </li>
  );
}
