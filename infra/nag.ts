import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export interface NagAcknowledgement {
  /** A cdk-nag rule id (`AwsSolutions-CFR2`), or one finding of it (`AwsSolutions-IAM5[Resource::…]`). */
  id: string;
  /** Why this finding is acceptable here: written for the person who reviews the deployment. */
  reason: string;
}

/** Acknowledges cdk-nag findings on a construct and everything below it; every one carries its reason. */
export function acknowledgeNag(scope: IConstruct, acknowledgements: NagAcknowledgement[]): void {
  for (const { id, reason } of acknowledgements) {
    if (reason.trim().length < 20) throw new Error(`cdk-nag acknowledgement ${id} on ${scope.node.path} needs a real reason.`);
    Validations.of(scope).acknowledge({ id, reason });
  }
}

/** The finding ids for `Policy::…` managed policies and `Resource::…` wildcards, as cdk-nag spells them. */
export const LAMBDA_BASIC_EXECUTION_FINDING = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

/** The IAM5 finding for a grant on `<table>/index/*` (the indexes of that one table). */
export function tableIndexesFinding(table: IConstruct): string {
  const cfn = table.node.defaultChild as CfnElement;
  return `AwsSolutions-IAM5[Resource::<${Stack.of(table).getLogicalId(cfn)}.Arn>/index/*]`;
}

/**
 * Acknowledges, on `scope`, the AwsSolutions findings below it whose id matches `pattern`, with one
 * reason. For findings whose text embeds synthesis-time values (region, logical ids, asset bucket),
 * so the pattern, not a copied string, says exactly what is accepted. Call after `scope` is complete.
 */
export function acknowledgeMatchingNag(scope: IConstruct, pattern: RegExp, reason: string): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  const ids = report.violations.map((violation) => violation.ruleName).filter((id) => pattern.test(id));
  acknowledgeNag(scope, ids.map((id) => ({ id, reason })));
  return ids;
}
