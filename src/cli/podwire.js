#!/usr/bin/env node
// The `podwire` command: loads podwire's TypeScript sources through tsx, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
