import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Activity } from '../domain/kernel/model.js';
import { activityPut } from './activity-store.js';
import type { RawPage, ReportsPort, ReviewReport, ReviewReportFilter } from '../domain/ports.js';
import { queryPage, type ListQuery } from './page.js';
import { runConditionalTransaction, runTransaction } from './transact.js';

// Items (docs/data-model.md): ReviewReport pk REPORT#<id>, sk REPORT;
//   gsi1 REPORTS | gsi2 WARD#<w>#REPORTS, TAXOFFICE#<office>#REPORTS or DISTRICT#REPORTS, sort <createdAt>#<id>.
// An issued report carries its frozen figures (`figures`, at most 200 waiting concerns: a few tens of KB).
const reportKey = (id: string) => ({ pk: `REPORT#${id}`, sk: 'REPORT' });

function toItem(r: ReviewReport) {
  const sort = `${r.createdAt}#${r.id}`;
  // NOTE: a JSON round trip drops the undefined fields (a district report's wardId, a snapshot's), which the document client refuses.
  // Empty narrative parts are left out too (DynamoDB Local 1.11 refuses empty strings); fromItem restores them.
  const plain = JSON.parse(JSON.stringify(r), (_k, v) => (v === '' ? undefined : v)) as ReviewReport;
  return { ...reportKey(r.id), gsi1pk: 'REPORTS', gsi1sk: sort, gsi2pk: r.wardId ? `WARD#${r.wardId}#REPORTS` : r.taxOfficeId ? `TAXOFFICE#${r.taxOfficeId}#REPORTS` : 'DISTRICT#REPORTS', gsi2sk: sort, type: 'ReviewReport', ...plain };
}

function fromItem(item: Record<string, unknown>): ReviewReport {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, type: _t, ...report } = item;
  const empty = { assessment: '', lessons: '', nextSteps: '', signerName: '', signerTitle: '', place: '', issuingBody: '', title: '' };
  return { ...empty, ...report } as unknown as ReviewReport;
}

function listQuery(f: ReviewReportFilter): ListQuery {
  const [index, partition]: [ListQuery['index'], string] = f.wardId ? ['gsi2', `WARD#${f.wardId}#REPORTS`] : f.taxOfficeId ? ['gsi2', `TAXOFFICE#${f.taxOfficeId}#REPORTS`] : f.district ? ['gsi2', 'DISTRICT#REPORTS'] : ['gsi1', 'REPORTS'];
  return {
    index,
    partition,
    ascending: false,
    filter: f.status ? { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': f.status } } : undefined,
  };
}

export function createReportsStore(db: DynamoDBDocumentClient, tableName: string): ReportsPort {
  return {
    async getReport(id: string, consistent = false): Promise<ReviewReport | undefined> {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: reportKey(id), ConsistentRead: consistent }));
      return out.Item ? fromItem(out.Item) : undefined;
    },
    async createReport(report: ReviewReport, activity: Activity): Promise<void> {
      await runTransaction(db, [
        { Put: { TableName: tableName, Item: toItem(report), ConditionExpression: 'attribute_not_exists(pk)' } },
        activityPut(tableName, activity),
      ]);
    },
    /**
     * Replaces a draft with its new version if it is still the draft `previousUpdatedAt` describes;
     * false (nothing written) when it was issued or changed meanwhile.
     */
    async replaceDraft(report: ReviewReport, previousUpdatedAt: string, activity: Activity): Promise<boolean> {
      return runConditionalTransaction(db, [
          {
            Put: {
              TableName: tableName,
              Item: toItem(report),
              ConditionExpression: '#status = :draft AND #updatedAt = :prev',
              ExpressionAttributeNames: { '#status': 'status', '#updatedAt': 'updatedAt' },
              ExpressionAttributeValues: { ':draft': 'DRAFT', ':prev': previousUpdatedAt },
            },
          },
          activityPut(tableName, activity),
        ]);
    },
    async listReports(filter: ReviewReportFilter, first: number, after?: string | null): Promise<RawPage & { reports: ReviewReport[] }> {
      const page = await queryPage(db, tableName, listQuery(filter), first, after);
      return { ...page, reports: page.items.map((i) => fromItem(i.item)) };
    },
  };
}
