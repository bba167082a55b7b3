import { createApp } from './create-app.js';

// `npx cdk synth|deploy [--context stage=staging]` runs this file (cdk.json).
createApp().app.synth();
