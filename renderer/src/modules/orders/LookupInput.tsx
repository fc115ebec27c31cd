// A text box with a list of matches under it, for typing a customer or a product and picking it
// with the keyboard: ↑/↓ move, Enter picks (waiting for the search if the list is not there yet,
// an exact code match first), Tab picks the highlighted match and moves on, Esc closes the list.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';

const SEARCH_DELAY_MS = 150;

export type PickedBy = 'enter' | 'tab' | 'click';

export interface LookupInputProps<T> {
  text: string;
  onTextChange(text: string): void;
  /** The text is what a pick wrote (nothing to search; Enter moves on). */
  picked: boolean;
  search(text: string): Promise<T[]>;
  keyOf(item: T): string | number;
  renderItem(item: T): ReactNode;
  /** Typed text that names this item exactly (a code): picked before the highlighted one. */
  isExact?(item: T, text: string): boolean;
  /**
   * `typedAfter`: what was typed after Enter while the search was still running (a fast typist or a
   * barcode scanner went on to the next cell); the caller decides where it belongs.
   */
  onPick(item: T, by: PickedBy, typedAfter?: string): void;
  /** Enter on a picked value. */
  onEnterPicked?(): void;
  /** Enter with nothing typed. */
  onEnterEmpty?(): void;
  onKeyDown?(event: KeyboardEvent<HTMLInputElement>): void;
  noneText: string;
  searchingText: string;
  inputRef?: Ref<HTMLInputElement>;
  name: string;
  placeholder?: string;
  disabled?: boolean;
  invalid?: boolean;
  autoFocus?: boolean;
  className?: string;
  testId?: string;
  ariaLabel?: string;
}

interface Results<T> {
  text: string;
  items: T[];
}

export function LookupInput<T>(props: LookupInputProps<T>) {
  const { text, picked, search } = props;
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Results<T> | null>(null);
  const [searching, setSearching] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const seq = useRef(0);
  const searchRef = useRef(search);
  searchRef.current = search;

  async function run(query: string): Promise<T[]> {
    const mine = ++seq.current;
    setSearching(true);
    try {
      const items = await searchRef.current(query);
      if (mine === seq.current) {
        setResults({ text: query, items });
        setHighlight(0);
      }
      return items;
    } catch {
      if (mine === seq.current) setResults({ text: query, items: [] });
      return [];
    } finally {
      if (mine === seq.current) setSearching(false);
    }
  }

  // Search as the user types (not after a pick wrote the text).
  useEffect(() => {
    if (picked || !text.trim()) {
      seq.current++;
      setSearching(false);
      if (!text.trim()) setResults(null);
      return;
    }
    const timer = window.setTimeout(() => void run(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, picked]);

  const current = results && results.text === text.trim() ? results.items : null;

  function choose(items: readonly T[], by: PickedBy, typedAfter = ''): boolean {
    const exact = props.isExact ? items.find((item) => props.isExact!(item, text.trim())) : undefined;
    const item = exact ?? items[Math.min(highlight, items.length - 1)];
    if (item === undefined) return false;
    setOpen(false);
    props.onPick(item, by, typedAfter);
    return true;
  }

  async function onEnter(input: HTMLInputElement) {
    const atEnter = text;
    const items = current ?? (await run(atEnter.trim()));
    // The element, not state: keys typed meanwhile may not have rendered yet.
    const now = input.value;
    const typedAfter = now !== atEnter && now.startsWith(atEnter) ? now.slice(atEnter.length) : '';
    if (!choose(items, 'enter', typedAfter)) setOpen(true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    props.onKeyDown?.(event);
    if (event.defaultPrevented) return;
    const typed = text.trim() !== '' && !picked;
    switch (event.key) {
      case 'Enter':
        if (event.ctrlKey || event.metaKey || event.altKey || event.nativeEvent.isComposing) return;
        event.preventDefault();
        if (typed) void onEnter(event.currentTarget);
        else if (picked) props.onEnterPicked?.();
        else props.onEnterEmpty?.();
        break;
      case 'Tab':
        if (typed && !event.shiftKey && current && current.length > 0) choose(current, 'tab');
        setOpen(false);
        break;
      case 'ArrowDown':
        if (current && current.length) {
          event.preventDefault();
          setOpen(true);
          setHighlight((h) => Math.min(h + 1, current.length - 1));
        }
        break;
      case 'ArrowUp':
        if (current && current.length) {
          event.preventDefault();
          setHighlight((h) => Math.max(h - 1, 0));
        }
        break;
      case 'Escape':
        if (open && typed) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
        }
        break;
    }
  }

  const showList = open && !picked && text.trim() !== '';
  return (
    <div className={`lookup ${props.className ?? ''}`}>
      <input
        ref={props.inputRef}
        name={props.name}
        value={text}
        placeholder={props.placeholder}
        disabled={props.disabled}
        autoFocus={props.autoFocus}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-label={props.ariaLabel}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={props.invalid ? true : undefined}
        data-testid={props.testId}
        onChange={(event) => {
          props.onTextChange(event.target.value);
          setOpen(true);
        }}
        onFocus={(event) => event.target.select()}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul className="lookup-list" id={listId} role="listbox" data-testid={props.testId ? `${props.testId}-list` : undefined}>
          {current === null || (searching && current.length === 0) ? (
            <li className="lookup-note">{props.searchingText}</li>
          ) : current.length === 0 ? (
            <li className="lookup-note">{props.noneText}</li>
          ) : (
            current.map((item, index) => (
              <li
                key={props.keyOf(item)}
                role="option"
                aria-selected={index === highlight}
                className={index === highlight ? 'lookup-item active' : 'lookup-item'}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  setOpen(false);
                  props.onPick(item, 'click');
                }}
                onMouseEnter={() => setHighlight(index)}
              >
                {props.renderItem(item)}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}
