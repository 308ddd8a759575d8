// npm run package -- --env dev|local
// Builds appPackage/build/appPackage.<env>.zip offline, after the checks Teams and Entra would
// otherwise only report at upload or sign-in time.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageApp } from './app-package/package-app.js';
import { projectPaths } from './app-package/project-paths.js';
import { listEnvironments } from './app-package/read-environment.js';

const { values } = parseArgs({ options: { env: { type: 'string', default: 'dev' } } });
const env = values.env ?? 'dev';
const environments = listEnvironments(projectPaths.envFolder);
if (!environments.includes(env)) {
  console.error(`Unknown environment "${env}": env/ has ${environments.join(', ')}.`);
  process.exit(2);
}

const result = packageApp({ env });
for (const warning of result.warnings) console.warn(`warning: ${warning}`);
if (result.problems.length) {
  console.error(`appPackage.${env}.zip was not written; fix these first:`);
  for (const problem of result.problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`Wrote ${path.relative(process.cwd(), result.zipPath ?? '')}`);
if (result.warnings.length) {
  console.log(
    `It is a preview: run "teamsapp provision --env ${env}", or put your own registration's values in env/.env.${env}, before you upload it.`,
  );
}
