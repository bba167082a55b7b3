import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Activity, Business, BusinessSector } from '../domain/kernel/model.js';
import { activityPut } from './activity-store.js';
import { foldDiacritics } from '../domain/kernel/fold.js';
import type { BusinessFilter, BusinessesPort, RawPage } from '../domain/ports.js';
import { countList, listQueryOf, queryPage, type ListQuery } from './page.js';
import { runConditionalTransaction } from './transact.js';

// Items (docs/data-model.md): Business pk BUSINESS#<id>, sk BUSINESS;
//   gsi1 BUSINESSES | gsi2 WARD#<w>#BUSINESSES | gsi3 BUSINESSES#<sector>, sort <name, lower-cased>#<id>;
//   searchName: the name folded (no diacritics, lower case), for a search by name.
// TaxCode  pk TAXCODE#<code>, sk TAXCODE: the uniqueness guard and the lookup by tax code.
export const businessKey = (id: string) => ({ pk: `BUSINESS#${id}`, sk: 'BUSINESS' });
const taxCodeKey = (code: string) => ({ pk: `TAXCODE#${code}`, sk: 'TAXCODE' });

function fromItem(item: Record<string, unknown>): Business {
  return {
    id: item.id as string,
    taxCode: item.taxCode as string,
    name: item.name as string,
    sector: item.sector as BusinessSector,
    wardId: (item.wardId as string | undefined) ?? undefined,
    registeredAt: item.registeredAt as string,
  };
}

function listQuery(f: BusinessFilter): ListQuery {
  return listQueryOf(
    [f.wardId && { index: 'gsi2', partition: `WARD#${f.wardId}#BUSINESSES`, fixes: ['wardId'] }, f.sector && { index: 'gsi3', partition: `BUSINESSES#${f.sector}`, fixes: ['sector'] }],
    { index: 'gsi1', partition: 'BUSINESSES' },
    { wardId: f.wardId, sector: f.sector },
    // NOTE: a name search reads the list's partition and keeps the names containing the words: bounded
    // by the businesses of the list (a district's register), not indexed.
    { ascending: true, also: (filter) => filter.add('searchName', f.nameContains, 'contains(#searchName, :searchName)') },
  );
}

export function createBusinessesStore(db: DynamoDBDocumentClient, tableName: string): BusinessesPort {
  return {
    async getBusiness(id: string): Promise<Business | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: businessKey(id) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },
    async getBusinessByTaxCode(taxCode: string): Promise<Business | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: taxCodeKey(taxCode) }));
      return out.Item ? fromItem(out.Item) : undefined;
    },
    /** Registers a business; false when its tax code is already registered (nothing written). */
    async createBusiness(b: Business, activity: Activity): Promise<boolean> {
      const sort = `${b.name.toLocaleLowerCase('vi')}#${b.id}`;
      return runConditionalTransaction(db, [
          { Put: { TableName: tableName, Item: { ...taxCodeKey(b.taxCode), type: 'TaxCode', ...b }, ConditionExpression: 'attribute_not_exists(pk)' } },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...businessKey(b.id),
                gsi1pk: 'BUSINESSES',
                gsi1sk: sort,
                ...(b.wardId ? { gsi2pk: `WARD#${b.wardId}#BUSINESSES`, gsi2sk: sort } : {}),
                gsi3pk: `BUSINESSES#${b.sector}`,
                gsi3sk: sort,
                type: 'Business',
                searchName: foldDiacritics(b.name),
                ...b,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          activityPut(tableName, activity),
        ]);
    },
    async listBusinesses(filter: BusinessFilter, first: number, after?: string | null): Promise<RawPage & { businesses: Business[] }> {
      const page = await queryPage(db, tableName, listQuery(filter), first, after);
      return { ...page, businesses: page.items.map((i) => fromItem(i.item)) };
    },
    countBusinesses: (filter: BusinessFilter) => countList(db, tableName, listQuery(filter)),
  };
}
