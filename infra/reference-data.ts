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
import { resolve } from 'node:path';

/**
 * Seeds the reference units after every deployment whose seeding code or data changed (a CDK Trigger
 * runs infra/seed-reference-data.ts), so a fresh account serves the units through time (the ten old
 * wards, the four new ones and their lineage) like `npm start` does.
 */
/**
 * The seeder's bundling: with a units file (context `unitsFile`), its jurisdiction is read and checked at
 * synth and built into the bundle (`__UNITS_JURISDICTION__`), so a bad file fails the synth, not the
 * deployment; the seeder then writes it in place of the default.
 */
export function seederBundling(units?: StageSettings['units']) {
  if (!units) return handlerBundling();
  const jurisdiction = loadUnitsFile(resolve(REPO_ROOT, units.file), { name: units.name, validFrom: units.validFrom });
  return { ...handlerBundling(), define: { __UNITS_JURISDICTION__: JSON.stringify(JSON.stringify(jurisdiction)) } };
}

export class ReferenceData extends Construct {
  readonly seeder: NodejsFunction;

  constructor(scope: Construct, id: string, props: { table: TableV2; executeAfter: Construct[]; units?: StageSettings['units'] }) {
    super(scope, id);
    this.seeder = new NodejsFunction(this, 'SeedFunction', {
      entry: `${REPO_ROOT}/infra/seed-reference-data.ts`,
      handler: 'handler',
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(60),
      description: 'Puts the reference units and their lineage into the table after a deployment',
      environment: { TABLE_NAME: props.table.tableName },
      depsLockFilePath: `${REPO_ROOT}/package-lock.json`,
      projectRoot: REPO_ROOT,
      bundling: seederBundling(props.units),
      logGroup: new LogGroup(this, 'SeedLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY }),
    });
    // Unit items are written with BatchWriteItem (PutRequest); the jurisdiction item (name, parents,
    // reorganisations with their lineage) with one PutItem.
    props.table.grant(this.seeder, 'dynamodb:BatchWriteItem', 'dynamodb:PutItem');
    acknowledgeNag(
      this.seeder,
      [
        {
          id: LAMBDA_BASIC_EXECUTION_FINDING,
          reason: 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; it is the standard minimal Lambda policy.',
        },
        {
          id: tableIndexesFinding(props.table),
          reason: 'TableV2.grant always adds <table>/index/* beside the table; BatchWriteItem and PutItem have no effect on an index.',
        },
        { id: 'AwsSolutions-L1', reason: 'Same runtime as the three application functions (FUNCTION_RUNTIME, see infra/api.ts).' },
      ],
    );
    new Trigger(this, 'SeedTrigger', { handler: this.seeder, executeAfter: props.executeAfter, executeOnHandlerChange: true, timeout: Duration.minutes(2) });
  }
}
