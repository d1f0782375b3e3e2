// After a build, answer one question so the knowledge cache (node_modules/.cache/tradebot) is filled
// and the first real `tradebot ask` starts as fast as later ones. A broken knowledge base is not a
// build error: `tradebot kb check` and the tests report it.
import { spawnSync } from "node:child_process";

spawnSync(process.execPath, ["bin/tradebot.js", "ask", "--json", "status"], { stdio: "ignore" });
