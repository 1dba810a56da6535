import { loadProjectEnv, prepareDatabase } from "./lib/prepare-database";

loadProjectEnv(false);
const { embedded } = await prepareDatabase({ seed: false });
await embedded?.stop();
