import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DialoguePulseStack } from './dialogue-pulse-stack.js';
import { readStageSettings } from './stage.js';

export interface CreateAppOptions extends AppProps {
  /** The built dashboard to deploy (tests pass a small fixture); defaults to dashboard/dist. */
  dashboardDir?: string;
}

/**
 * The CDK app: one stack per stage (`DialoguePulse-<stage>`), with cdk-nag's AwsSolutions rules
 * applied to every construct. Shared by infra/app.ts (`cdk synth/deploy`) and test/infra.
 */
export function createApp(options: CreateAppOptions = {}) {
  const app = new App(options);
  const settings = readStageSettings(app);
  const stack = new DialoguePulseStack(app, `DialoguePulse-${settings.stage}`, {
    settings,
    dashboardDir: options.dashboardDir,
    description: `Dialogue Pulse (${settings.stage}): GraphQL API, live dashboard and data for a jurisdiction's public dialogues`,
    // Account and region come from the deploying credentials (`cdk deploy`); synthesis needs neither.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  // Synthesis fails on any AwsSolutions finding that is not acknowledged with a reason (infra/nag.ts).
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack, settings };
}
