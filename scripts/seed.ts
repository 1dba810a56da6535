import { loadProjectEnv, prepareDatabase } from "./lib/prepare-database";

loadProjectEnv(false);
const { embedded } = await prepareDatabase({ seed: true });
await embedded?.stop();
