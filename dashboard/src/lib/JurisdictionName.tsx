import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql/index.js';

const JurisdictionQuery = graphql(`
  query JurisdictionName {
    jurisdiction { name nameEn }
  }
`);

/** The jurisdiction the screen covers ("Khu vực Quận 7 cũ"), in the chosen language where a name is kept. */
export function JurisdictionName({ className }: { className?: string }) {
  const { i18n } = useTranslation();
  const [{ data }] = useQuery({ query: JurisdictionQuery, requestPolicy: 'cache-first' });
  if (!data) return null;
  const { name, nameEn } = data.jurisdiction;
  return <span className={className} data-testid="jurisdiction">{i18n.language === 'en' && nameEn ? nameEn : name}</span>;
}
