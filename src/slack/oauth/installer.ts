/**
 * The options that turn Bolt's HTTP receiver into an installer: `GET /slack/install` redirects
 * straight to Slack's authorize page with a signed `state` (also set as a cookie, which the
 * redirect must bring back), and `GET /slack/oauth_redirect` checks that state, exchanges the code
 * with `oauth.v2.access` and saves the installation, encrypted. A missing or bad state is an
 * error page and nothing is saved.
 */
import type { HTTPReceiverOptions } from "@slack/bolt";
import type { OAuthConfig } from "../../config.js";
import type { InstallationStore } from "../../store/installations.js";
import { tokenCipher } from "../../store/token-crypto.js";
import { encryptedInstallationStore } from "./installation-store.js";

/** Where the installer listens (Bolt's defaults, named once for the docs and tests). */
export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

/** The receiver options for OAuth over `store`; `apiUrl` is the Web API base (a fake Slack in tests). */
export function installerOptions(
  oauth: OAuthConfig,
  store: InstallationStore,
  apiUrl?: string,
): Partial<HTTPReceiverOptions> {
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: oauth.scopes,
    installationStore: encryptedInstallationStore(store, tokenCipher(oauth.tokenEncryptionKey)),
    ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: true,
      ...(oauth.userScopes.length ? { userScopes: oauth.userScopes } : {}),
      ...(oauth.authorizeUrl ? { authorizationUrl: oauth.authorizeUrl } : {}),
      ...(apiUrl ? { clientOptions: { slackApiUrl: apiUrl } } : {}),
    },
  };
}
