import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { seederBundling } from '../../infra/reference-data.js';
import { readStageSettings } from '../../infra/stage.js';
import { synthesize } from './support.js';

describe('stages', () => {
  it('names the stack, its resources and its tags after --context stage=staging', () => {
    const { stack, template, dispose } = synthesize({ context: { stage: 'staging', alarmEmail: 'oncall@example.org' }, bundle: false, cfnValidation: false });
    dispose();
    expect(stack.stackName).toBe('DialoguePulse-staging');
    template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolName: 'dialogue-pulse-staging' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'dialogue-pulse-http-staging' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: 'staging' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'dialogue-pulse-staging-dead-letter-queue' });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'oncall@example.org' });
    const [, fn] = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('ApiGraphqlHttp'))!;
    expect(fn.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'stage', Value: 'staging' }]));
  });

  it('refuses a stage name that cannot be part of resource names, saying what to pass', () => {
    const app = new App({ context: { stage: 'Prod_1' } });
    expect(() => readStageSettings(app)).toThrow(/--context stage=Prod_1 is not a valid stage name: use 2–15 lowercase letters/);
  });

  it('adds extra dashboard origins only when they are https origins', () => {
    expect(readStageSettings(new App({ context: { extraOrigins: 'https://pulse.example.gov.vn' } })).extraOrigins).toEqual(['https://pulse.example.gov.vn']);
    expect(() => readStageSettings(new App({ context: { extraOrigins: 'http://pulse.example.gov.vn/app' } }))).toThrow(/must be an https origin/);
  });

  it('builds a city list given as context unitsFile into the seeder, checked at synth', () => {
    const settings = readStageSettings(new App({ context: { unitsFile: 'test/fixtures/hcmc-168-units.generated.csv', unitsName: 'Thành phố Hồ Chí Minh', unitsValidFrom: '2025-07-01' } }));
    expect(settings.units).toEqual({ file: 'test/fixtures/hcmc-168-units.generated.csv', name: 'Thành phố Hồ Chí Minh', validFrom: '2025-07-01' });
    const define = (seederBundling(settings.units) as { define?: Record<string, string> }).define!;
    const jurisdiction = JSON.parse(JSON.parse(define.__UNITS_JURISDICTION__!));
    expect([jurisdiction.name, jurisdiction.units.length]).toEqual(['Thành phố Hồ Chí Minh', 168]);
    expect((seederBundling(undefined) as { define?: unknown }).define).toBeUndefined();
    expect(() => seederBundling({ file: 'test/fixtures/no-such-list.csv' })).toThrow(/no-such-list/);
  });

  it('builds the jurisdiction of context jurisdiction (a province, or some of its units) into the seeder, from the national reference', () => {
    const settings = readStageSettings(new App({ context: { jurisdiction: 79 } }));
    expect(settings.jurisdiction).toEqual({ spec: '79' });
    const built = (s: typeof settings) => JSON.parse(JSON.parse((seederBundling(s.units, s.jurisdiction) as { define: Record<string, string> }).define.__UNITS_JURISDICTION__!));
    const city = built(settings);
    expect([city.name, city.units.length, city.units.filter((u: any) => !u.validTo).length, city.reorganisations[0].changes.length]).toEqual(['Thành phố Hồ Chí Minh', 610, 168, 493]);
    const four = built(readStageSettings(new App({ context: { jurisdiction: '79:27475,27478', jurisdictionName: 'Hai phường' } })));
    expect([four.name, four.units.filter((u: any) => !u.validTo).map((u: any) => u.id).sort(), four.units.length]).toEqual(['Hai phường', ['tan-hung-2025', 'tan-thuan-2025'], 2 + 7]);
    expect(() => seederBundling(undefined, { spec: '99' })).toThrow(/no province or centrally-run city with code 99/);
    expect(() => seederBundling(undefined, { spec: '79:12345' })).toThrow(/has no unit 12345/);
    expect(() => readStageSettings(new App({ context: { jurisdiction: '79', unitsFile: 'x.csv' } }))).toThrow(/name the jurisdiction twice/);
  });
});
