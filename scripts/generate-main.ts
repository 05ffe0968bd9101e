// `npm run generate`: writes the files derived from the rule registry (see generate.ts).
import { join } from 'node:path';
import { writeGenerated } from './generate';

writeGenerated(join(__dirname, '..'));
