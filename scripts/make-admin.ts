import { loadProjectEnv, prepareDatabase } from "./lib/prepare-database";
import { createDb } from "../src/server/db-client";
import { makeAdmin } from "../src/server/services/users/make-admin";

const email = process.argv[2]?.trim().toLowerCase();
if (!email || !email.includes("@")) {
  console.error("usage: npm run make-admin -- <email>");
  process.exit(2);
}
loadProjectEnv(false);
const { embedded } = await prepareDatabase({ seed: false });
const db = createDb(process.env.DATABASE_URL ?? "");
try {
  const promoted = await makeAdmin(db, email);
  if (promoted === 0) {
    console.error(`No user with the email ${email} has signed in yet. Ask them to sign in once, then run this again.`);
    process.exitCode = 1;
  } else {
    console.log(`${email} is now an admin.`);
  }
} finally {
  await db.$disconnect();
  await embedded?.stop();
}
