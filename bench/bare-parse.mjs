// The bare parse every Markdown tool here pays: unified + remark-parse + remark-gfm + remark-frontmatter.
import { readFileSync } from 'node:fs';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
for (const file of process.argv.slice(2)) processor.parse(readFileSync(file, 'utf8'));
