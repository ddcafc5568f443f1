import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGE_MODEL_TOOLS, specTools } from '../../src/agents/index.js';
import { PROJECT_ROOT } from './helpers.js';

const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
const extensionSource = readFileSync(path.join(PROJECT_ROOT, 'src/extension/extension.ts'), 'utf8');
const ignored = readFileSync(path.join(PROJECT_ROOT, '.vscodeignore'), 'utf8');

describe('what the extension contributes for models and agents', () => {
  it('declares each language model tool with the input schema its agent tool validates', () => {
    const contributed = manifest.contributes.languageModelTools as { name: string; modelDescription: string; inputSchema: { properties: Record<string, { type: string; description: string }> } }[];
    assert.deepEqual(contributed.map((tool) => tool.name), Object.keys(LANGUAGE_MODEL_TOOLS));
    for (const tool of contributed) {
      const agentTool = specTools.find((candidate) => candidate.name === LANGUAGE_MODEL_TOOLS[tool.name])!;
      const schema = z.toJSONSchema(z.object(agentTool.input)) as { properties: Record<string, { type: string; description: string }> };
      assert.deepEqual(Object.keys(tool.inputSchema.properties), Object.keys(schema.properties), tool.name);
      for (const [key, property] of Object.entries(tool.inputSchema.properties)) {
        assert.equal(property.type, schema.properties[key].type, `${tool.name}.${key}`);
        assert.equal(property.description, schema.properties[key].description, `${tool.name}.${key}`);
      }
      assert.ok(tool.modelDescription.startsWith(agentTool.description.split(' Returns')[0].split('. ')[0]), tool.name);
      assert.ok(extensionSource.includes(`'${tool.name}'`), `${tool.name} is registered`);
    }
  });

  it('declares the @specwise participant with /translate, /review and /template', () => {
    const [participant] = manifest.contributes.chatParticipants;
    assert.equal(participant.id, 'specwise.specwise');
    assert.equal(participant.name, 'specwise');
    assert.deepEqual(participant.commands.map((command: { name: string }) => command.name), ['translate', 'review', 'template']);
    assert.ok(extensionSource.includes(`createChatParticipant('${participant.id}'`));
  });

  it('declares the MCP server provider the extension registers, and ships the server', () => {
    const [provider] = manifest.contributes.mcpServerDefinitionProviders;
    assert.ok(extensionSource.includes(`registerMcpServerDefinitionProvider('${provider.id}'`));
    assert.match(ignored, /^!dist\/mcp-server\.cjs$/m);
    assert.match(ignored, /^!dist\/mcp\.cjs$/m);
  });

  it('has the model settings, and hides the chat buttons\' commands from the palette', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['specwise.translate.model'].default, 'auto');
    assert.equal(properties['specwise.translate.maxRepairRounds'].default, 2);
    assert.equal(properties['specwise.translate.modelTimeout'].default, 120);
    const hidden = manifest.contributes.menus.commandPalette.filter((entry: { when: string }) => entry.when === 'false').map((entry: { command: string }) => entry.command);
    for (const command of ['specwise.insertTranslation', 'specwise.createSpecFile', 'specwise.applyFindingFix', 'specwise.applyRewrite']) {
      assert.ok(hidden.includes(command), command);
      assert.ok(manifest.contributes.commands.some((entry: { command: string }) => entry.command === command), command);
      assert.ok(extensionSource.includes(`'${command.slice('specwise.'.length)}'`), `${command} is registered`);
    }
  });
});
