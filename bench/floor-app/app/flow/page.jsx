// The page floor plus what a flow page cannot do without: one read of the flow from Kratos
// (node:http on a keep-alive agent, the request's cookies forwarded, the answer read whole),
// its CSRF token put into the same form. No policy, no messages, no node rendering: the limit
// of a Next page that shows a Kratos flow.
import http from "node:http";
import { headers } from "next/headers";
import { SignInForm } from "../SignInForm";

const agent = new http.Agent({ keepAlive: true });

function loginFlow(id, cookie) {
  const url = new URL("/self-service/login/flows", process.env.KRATOS_PUBLIC_URL);
  url.searchParams.set("id", id);
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { accept: "application/json", cookie } }, (res) => {
        const chunks = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
      })
      .on("error", reject);
  });
}

export default async function FlowFloor({ searchParams }) {
  const { flow: id = "" } = await searchParams;
  const flow = await loginFlow(String(id), (await headers()).get("cookie") ?? "");
  const csrf = flow.ui?.nodes?.find((n) => n.attributes?.name === "csrf_token")?.attributes?.value ?? "";
  return <SignInForm token={csrf} />;
}
