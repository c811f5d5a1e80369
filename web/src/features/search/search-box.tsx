import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { suggestDocuments, type Suggestion } from '../../api/search.ts';
import { Highlighted } from './highlighted.tsx';
import { numberLine } from './format.ts';

/** Pause after the last keystroke before asking for suggestions. */
const DEBOUNCE_MS = 150;

/**
 * The search field with suggestions as one types (an ARIA 1.2 combobox): arrow keys move through
 * the list, Enter takes the highlighted suggestion, Escape closes it.
 */
export function SearchBox({ value, onChange, onPick }: { value: string; onChange(value: string): void; onPick(s: Suggestion): void }) {
  const id = useId();
  const listId = `${id}-list`;
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current || value.trim().length < 2) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      suggestDocuments(value, controller.signal).then(
        (found) => {
          setItems(found);
          setActive(-1);
          setOpen(found.length > 0);
        },
        () => undefined, // suggestions are a convenience: a failure leaves the field as it is
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [value]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!open || items.length === 0) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => (a + 1) % items.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(items[active]!);
    }
  }

  function choose(s: Suggestion) {
    typed.current = false;
    setOpen(false);
    onPick(s);
  }

  return (
    <div className="field search-box">
      <label htmlFor={id}>Tìm văn bản</label>
      <input
        id={id}
        type="search"
        name="q"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(e) => {
          typed.current = true;
          onChange(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(items.length > 0)}
      />
      <p className="hint" id={`${id}-hint`}>Trích yếu, số, ký hiệu hoặc nội dung tệp; có thể gõ không dấu, ví dụ: quyet dinh dong dang</p>
      <ul id={listId} role="listbox" aria-label="Gợi ý" className="suggestions" hidden={!open}>
        {items.map((s, i) => (
          <li
            key={s.documentId}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'suggestion active' : 'suggestion'}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(s);
            }}
          >
            <span className="suggestion-subject"><Highlighted segments={s.subjectSegments} /></span>
            <span className="suggestion-meta">{numberLine(s)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
