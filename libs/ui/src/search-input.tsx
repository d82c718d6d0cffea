import { useRef } from 'react';
import { Icon } from './icons';
import styles from './search-input.module.css';

export interface SearchInputProps {
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  clearLabel?: string;
  testId?: string;
}

/** A search field with a magnifier and a 48 px clear button that keeps the focus in the field. */
export function SearchInput({ value, onChange, placeholder, clearLabel = '×', testId }: SearchInputProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.wrap}>
      <Icon name="search" className={styles.icon} />
      <input
        ref={input}
        type="search"
        className={styles.input}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onChange('')}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        data-testid={testId}
      />
      {value && (
        <button
          type="button"
          className={styles.clear}
          aria-label={clearLabel}
          onClick={() => {
            onChange('');
            input.current?.focus();
          }}
        >
          <Icon name="close" />
        </button>
      )}
    </div>
  );
}
