import type { Construct } from 'constructs';

/** What differs between deployments of the same app: read from CDK context (`--context stage=staging`). */
export interface StageSettings {
  /** `prod`, `staging`, …: part of every stack and resource name, and a tag on everything. */
  stage: string;
  /** Where alarms are e-mailed (context `alarmEmail`); without it, subscribe to the topic by hand. */
  alarmEmail?: string;
  /** Extra origins allowed by CORS and as sign-in callbacks (context `extraOrigins`, comma-separated), e.g. a custom domain. */
  extraOrigins: string[];
  /**
   * The jurisdiction's list of units (context `unitsFile`, a path in the repository: a .csv in the
   * statistics office's layout or a .json like functions/data/units.json; `unitsName`, `unitsValidFrom`
   * as for UNITS_FILE locally). Without it: the former District 7 area.
   */
  units?: { file: string; name?: string; validFrom?: string };
  /**
   * The jurisdiction from the national reference (context `jurisdiction`: a province's code, `79`, or
   * some of its units, `79:27475,27478`; `jurisdictionName` overrides its name), as JURISDICTION locally.
   * Without it or `unitsFile`: the demo's area, the four wards formed from former District 7.
   */
  jurisdiction?: { spec: string; name?: string };
}

const STAGE_PATTERN = /^[a-z][a-z0-9-]{1,14}$/;

/** Reads and checks the stage settings; a bad value fails the synth with a message saying what to pass. */
export function readStageSettings(scope: Construct): StageSettings {
  const stage = String(scope.node.tryGetContext('stage') ?? 'prod');
  if (!STAGE_PATTERN.test(stage)) {
    throw new Error(`--context stage=${stage} is not a valid stage name: use 2–15 lowercase letters, digits or dashes, starting with a letter (e.g. prod, staging).`);
  }
  const alarmEmail = scope.node.tryGetContext('alarmEmail') as string | undefined;
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    throw new Error(`--context alarmEmail=${alarmEmail} is not an e-mail address.`);
  }
  const extraOrigins = String(scope.node.tryGetContext('extraOrigins') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of extraOrigins) {
    if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) {
      throw new Error(`--context extraOrigins: "${origin}" must be an https origin without a path, e.g. https://dialogue.example.gov.vn`);
    }
  }
  const unitsFile = scope.node.tryGetContext('unitsFile') as string | undefined;
  const units = unitsFile
    ? { file: unitsFile, name: scope.node.tryGetContext('unitsName') as string | undefined, validFrom: scope.node.tryGetContext('unitsValidFrom') as string | undefined }
    : undefined;
  const spec = scope.node.tryGetContext('jurisdiction') as string | number | undefined;
  if (spec !== undefined && unitsFile) throw new Error('--context jurisdiction and --context unitsFile name the jurisdiction twice: pass one of them.');
  const name = scope.node.tryGetContext('jurisdictionName') as string | undefined;
  const jurisdiction = spec !== undefined ? { spec: String(spec), ...(name ? { name } : {}) } : undefined;
  return { stage, alarmEmail, extraOrigins, ...(units ? { units } : {}), ...(jurisdiction ? { jurisdiction } : {}) };
}
