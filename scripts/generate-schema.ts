// Writes schemas/specwise.schema.json from the zod config schema (the single source of truth).
import { writeFileSync } from 'node:fs';
import { configJsonSchemaText } from '../src/config-json-schema.js';

writeFileSync(new URL('../schemas/specwise.schema.json', import.meta.url), configJsonSchemaText());
console.log('Wrote schemas/specwise.schema.json');
