import { useEffect, useState } from 'react';
import { initialLanguage, setParam, type Language } from './page-kit.js';

/** The public pages' language: ?lang=en, or the one chosen on the dashboard in this browser; Vietnamese first. */
export function usePageLanguage(title: (lang: Language) => string) {
  const [lang, setLang] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${title(lang)} – Dialogue Pulse`;
  }, [lang, title]);
  return [lang, setLang] as const;
}

/** The skip link and the bar above a public page: the brand and the other language. */
export function PublicHeader({ lang, setLang, other }: { lang: Language; setLang(next: Language): void; other: string }) {
  return (
    <>
      <a className="skip-link" href="#main">{lang === 'vi' ? 'Bỏ qua, tới nội dung' : 'Skip to content'}</a>
      <header>
        <p className="brand">Dialogue Pulse</p>
        <button
          type="button"
          className="link-button"
          lang={lang === 'vi' ? 'en' : 'vi'}
          onClick={() => {
            const next = lang === 'vi' ? 'en' : 'vi';
            setLang(next);
            localStorage.setItem('dp.language', next);
            setParam('lang', next === 'en' ? 'en' : undefined);
          }}
        >
          {other}
        </button>
      </header>
    </>
  );
}
