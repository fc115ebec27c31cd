#!/usr/bin/env node
// The `salesdesk` command. The CLI is TypeScript run through tsx (a runtime dependency), so it works
// right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
