import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Architecture } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Trigger } from 'aws-cdk-lib/triggers';
import { Construct } from 'constructs';
import { acknowledgeNag, LAMBDA_BASIC_EXECUTION_FINDING, tableIndexesFinding } from './nag.js';
import { FUNCTION_RUNTIME, handlerBundling } from './api.js';
import { REPO_ROOT } from './lambda-bundling.js';
import type { StageSettings } from './stage.js';
import { loadUnitsFile } from './units-file.js';
import { jurisdictionFromSpec } from './units/national.js';
import { resolve } from 'node:path';

/**
 * Seeds the reference units after every deployment whose seeding code or data changed (a CDK Trigger
 * runs infra/seed-reference-data.ts), so a fresh account serves the units through time (the ten old
 * wards, the four new ones and their lineage) like `npm start` does.
 */
/**
 * The seeder's bundling: with a jurisdiction (context `jurisdiction`, from the national reference) or a
 * units file (context `unitsFile`), the jurisdiction is read and checked at
 * synth and built into the bundle (`__UNITS_JURISDICTION__`), so a bad file fails the synth, not the
 * deployment; the seeder then writes it in place of the default.
 */
export function seederBundling(units?: StageSettings['units'], chosen?: StageSettings['jurisdiction']) {
  if (!units && !chosen) return handlerBundling();
  const jurisdiction = chosen
    ? jurisdictionFromSpec(chosen.spec, chosen.name ? { name: chosen.name } : {})
    : loadUnitsFile(resolve(REPO_ROOT, units!.file), { name: units!.name, validFrom: units!.validFrom });
  return { ...handlerBundling(), define: { __UNITS_JURISDICTION__: JSON.stringify(JSON.stringify(jurisdiction)) } };
}

/**
 * The seeder's table actions, and no others: what its bundle can call. It runs the domain's reference
 * data writes (units with BatchWriteItem, the jurisdiction with PutItem; the domain's stores come with
 * their reads, GetItem, BatchGetItem and Query, and their DeleteItem in transactions) and the one-time
 * move of older counter buckets (functions/store/migrate-buckets.ts: Scan for the legacy items, an
 * UpdateItem transaction per target, BatchWriteItem deletes). test/infra/stack.test.ts checks this list
 * against the seeder's bundle.
 */
export const SEEDER_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

export class ReferenceData extends Construct {
  readonly seeder: NodejsFunction;

  constructor(scope: Construct, id: string, props: { table: TableV2; executeAfter: Construct[]; units?: StageSettings['units']; jurisdiction?: StageSettings['jurisdiction'] }) {
    super(scope, id);
    this.seeder = new NodejsFunction(this, 'SeedFunction', {
      entry: `${REPO_ROOT}/infra/seed-reference-data.ts`,
      handler: 'handler',
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      // The one-time move of older counter buckets may take minutes on a large table; it resumes where
      // it stopped if it is cut short (the next deployment runs it again).
      timeout: Duration.minutes(14),
      description: 'Puts the reference units and their lineage into the table after a deployment',
      environment: { TABLE_NAME: props.table.tableName },
      depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
      projectRoot: REPO_ROOT,
      bundling: seederBundling(props.units, props.jurisdiction),
      logGroup: new LogGroup(this, 'SeedLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
    });
    props.table.grant(this.seeder, ...SEEDER_ACTIONS);
    acknowledgeNag(
      this.seeder,
      [
        {
          id: LAMBDA_BASIC_EXECUTION_FINDING,
          reason: 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; it is the standard minimal Lambda policy.',
        },
        {
          id: tableIndexesFinding(props.table),
          reason: 'TableV2.grant always adds <table>/index/* beside the table; the seeder reads and writes the base table only.',
        },
        { id: 'AwsSolutions-L1', reason: 'Same runtime as the three application functions (FUNCTION_RUNTIME, see infra/api.ts).' },
      ],
    );
    new Trigger(this, 'SeedTrigger', { handler: this.seeder, executeAfter: props.executeAfter, executeOnHandlerChange: true, timeout: Duration.minutes(15) });
  }
}
