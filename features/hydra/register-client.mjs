// `npm run hydra:client -- --id my-app --secret … --redirect-uri https://my-app.example/callback
//   [--redirect-uri …] [--post-logout-uri …] [--name "My app"] [--first-party]
//   [--frontchannel-logout-uri …] [--backchannel-logout-uri …] [--logo-uri …] [--client-uri …]`
// Registers (or updates) a relying party in Hydra through its admin API: HYDRA_ADMIN_URL, or the
// dev stack's (http://127.0.0.1:4445). Prints the client id and where its OpenID configuration is.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { registerClient } from "./clients.mjs";

const { values } = parseArgs({
  options: {
    id: { type: "string" },
    secret: { type: "string" },
    name: { type: "string" },
    "redirect-uri": { type: "string", multiple: true },
    "post-logout-uri": { type: "string", multiple: true },
    "first-party": { type: "boolean", default: false },
    "frontchannel-logout-uri": { type: "string" },
    "backchannel-logout-uri": { type: "string" },
    "logo-uri": { type: "string" },
    "client-uri": { type: "string" },
  },
});
if (!values.id || !values["redirect-uri"]?.length) {
  console.error(
    "usage: npm run hydra:client -- --id <client id> --redirect-uri <uri> [--redirect-uri …] [--secret <secret>]\n" +
      "         [--name <name>] [--post-logout-uri <uri>] [--first-party] [--frontchannel-logout-uri <uri>]\n" +
      "         [--backchannel-logout-uri <uri>] [--logo-uri <https or data: uri>] [--client-uri <uri>]",
  );
  process.exit(2);
}
const adminUrl = process.env.HYDRA_ADMIN_URL || "http://127.0.0.1:4445";
const secret = values.secret ?? randomBytes(24).toString("base64url");
try {
  const client = await registerClient(adminUrl, {
    id: values.id,
    secret,
    name: values.name,
    redirectUris: values["redirect-uri"],
    postLogoutRedirectUris: values["post-logout-uri"] ?? [],
    firstParty: values["first-party"],
    frontchannelLogoutUri: values["frontchannel-logout-uri"],
    backchannelLogoutUri: values["backchannel-logout-uri"],
    logoUri: values["logo-uri"],
    clientUri: values["client-uri"],
  });
  console.log(`client_id      ${client.client_id}`);
  if (!values.secret) console.log(`client_secret  ${secret}   (shown once; pass --secret to choose it)`);
  console.log(`first-party    ${values["first-party"] ? "yes (no consent page)" : "no"}`);
  console.log(`redirect_uris  ${client.redirect_uris.join(", ")}`);
} catch (err) {
  console.error(
    `[hydra] ${err.cause?.code === "ECONNREFUSED" ? `nothing answers at ${adminUrl}: is \`npm run dev\` running?` : err.message}`,
  );
  process.exit(1);
}
