// Typed i18n, zh-CN first, English second. Each module keeps its own catalogue
// (defineMessages) so keys are checked at compile time and modules do not share one big file.
// Numbers and dates go through Intl with the active locale.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Label } from '../../../shared/domain';
import type { ApiError } from '../api/client';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'salesdesk.lang';

interface I18nState {
  lang: Lang;
  setLang(lang: Lang): void;
}

const I18nContext = createContext<I18nState>({ lang: 'zh', setLang: () => {} });

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage unavailable: default */
  }
  return 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* ignore */
    }
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useLang(): I18nState {
  return useContext(I18nContext);
}

type Vars = Record<string, string | number>;
export type Translate<K extends string> = (key: K, vars?: Vars) => string;

function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/**
 * Declares a module's messages: the Chinese catalogue defines the keys, the English one must
 * have exactly the same keys. Returns a hook giving `t(key, vars)` in the active language.
 */
export function defineMessages<K extends string>(catalogue: { zh: Record<K, string>; en: Record<K, string> }) {
  return function useMessages(): Translate<K> {
    const { lang } = useLang();
    return useCallback((key: K, vars?: Vars) => interpolate(catalogue[lang][key], vars), [lang]);
  };
}

/** Picks the label of a domain value in the active language. */
export function useLabel(): (label: Label | undefined) => string {
  const { lang } = useLang();
  return useCallback((label: Label | undefined) => (label ? label[lang] : ''), [lang]);
}

/** The message of an API error in the active language. */
export function useErrorText(): (error: unknown) => string {
  const { lang } = useLang();
  return useCallback(
    (error: unknown) => {
      const payload = (error as ApiError | null)?.payload;
      if (payload) return lang === 'zh' ? payload.message : payload.messageEn;
      return lang === 'zh' ? '操作失败' : 'Something went wrong';
    },
    [lang],
  );
}

/** Locale-aware number formatting (grouping), e.g. for counts. */
export function useNumberFormat(): (n: number) => string {
  const { lang } = useLang();
  return useMemo(() => {
    const format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US');
    return (n: number) => format.format(n);
  }, [lang]);
}
