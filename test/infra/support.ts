import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { createApp } from '../../infra/create-app.js';

/** A tiny stand-in for dashboard/dist: an index, a hashed asset, and the local config.json vite copies in. */
export function fixtureDashboard(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dp-dashboard-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log("dashboard")');
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ graphqlUrl: '/graphql', graphqlWsUrl: '/graphql', auth: { kind: 'local' } }));
  return dir;
}

/**
 * Synthesises the app once (bundling the functions with the local esbuild unless `bundle` is false)
 * into a temporary cloud assembly, and returns the stack's template.
 */
export function synthesize(options: { context?: Record<string, unknown>; bundle?: boolean; dashboardDir?: string; cfnValidation?: boolean } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'dp-cdk-out-'));
  const dashboardDir = options.dashboardDir ?? fixtureDashboard();
  const context: Record<string, unknown> = { ...options.context };
  // NOTE: an empty bundling-stacks list is how `cdk synth --exclusively` skips asset bundling.
  if (options.bundle === false) context['aws:cdk:bundling-stacks'] = [];
  const { app, stack, settings } = createApp({
    outdir,
    context,
    dashboardDir,
    // CloudFormation's own template validation (a WASM linter) takes seconds: stack.test.ts runs it once.
    builtinCloudFormationValidation: options.cfnValidation ?? true,
  });
  const assembly = app.synth();
  const template = Template.fromStack(stack);
  /** Removes the cloud assembly (~25 MB) and the fixture; call it in afterAll. */
  const dispose = () => {
    rmSync(outdir, { recursive: true, force: true });
    if (!options.dashboardDir) rmSync(dashboardDir, { recursive: true, force: true });
  };
  return { app, stack, settings, assembly, outdir, template, dispose };
}

export type Json = Record<string, any>;

/** Every IAM statement in the template: managed policies (AWS::IAM::Policy) and roles' inline policies. */
export function allPolicyStatements(template: Template): { owner: string; statement: Json }[] {
  const out: { owner: string; statement: Json }[] = [];
  for (const [id, policy] of Object.entries(template.findResources('AWS::IAM::Policy'))) {
    for (const statement of policy.Properties.PolicyDocument.Statement) out.push({ owner: id, statement });
  }
  for (const [id, role] of Object.entries(template.findResources('AWS::IAM::Role'))) {
    for (const inline of role.Properties.Policies ?? []) {
      for (const statement of inline.PolicyDocument.Statement) out.push({ owner: id, statement });
    }
  }
  return out;
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The logical id of the one resource of `type` whose id starts with `prefix`. */
export function logicalId(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found ${ids.join(', ') || 'none'}`);
  return ids[0];
}
