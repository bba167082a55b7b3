import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';

const JurisdictionQuery = graphql(`
  query JurisdictionName {
    jurisdiction { name nameEn }
  }
`);

/**
 * The jurisdiction the screen covers, from the data ("Thành phố Hồ Chí Minh", "Khu vực Quận 7 cũ"), in the
 * chosen language where a name is kept. With `titled`, the browser tab says it too.
 */
export function JurisdictionName({ className, titled }: { className?: string; titled?: boolean }) {
  const { t, i18n } = useTranslation();
  const [{ data }] = useQuery({ query: JurisdictionQuery, requestPolicy: 'cache-first' });
  const name = data ? (i18n.language === 'en' && data.jurisdiction.nameEn ? data.jurisdiction.nameEn : data.jurisdiction.name) : undefined;
  useEffect(() => {
    if (titled && name) document.title = `${t('app.title')} · ${name}`;
  }, [titled, name, t]);
  if (!name) return null;
  return <span className={className} data-testid="jurisdiction">{name}</span>;
}
