import { useTranslation } from 'react-i18next';
import { switchLanguage } from '../i18n/index.js';

/** One click to the other language; the button is labelled in the language it switches to. */
export function LanguageSwitch() {
  const { i18n } = useTranslation();
  const next = i18n.language === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" className="language-switch" lang={next} onClick={() => void switchLanguage(next)} data-testid="language-switch">
      {next === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}
