// `npm run build:standalone`: the deployable artifact (docs/deploy.md): a self-contained
// folder, .next-cluster/standalone/, started with `node server.js`.
import { buildStandalone } from "./cluster.mjs";

try {
  const dir = await buildStandalone({ appUrl: process.env.APP_URL });
  console.log(`[build] standalone server in ${dir} (start it with: node server.js)`);
} catch (err) {
  console.error(`[build] ${err.message}`);
  process.exit(1);
}
