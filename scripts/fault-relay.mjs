// A TCP relay between the app and Kratos public, for the resilience tests only: it can
// pass traffic, refuse it ("down") or hold it without an answer ("slow"), switched over a
// small HTTP control port. Real sockets, real timeouts: nothing in the app is stubbed.
import http from "node:http";
import net from "node:net";

export function startFaultRelay({ listenPort, targetPort, controlPort, host = "127.0.0.1" }) {
  let mode = "pass";
  const open = new Set();

  const relay = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    if (mode === "down") return client.destroy();
    if (mode === "slow") return; // accept, never answer
    const upstream = net.connect(targetPort, host);
    open.add(upstream);
    upstream.on("close", () => open.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });

  const control = http.createServer((req, res) => {
    const m = /^\/mode\/(pass|down|slow)$/.exec(req.url ?? "");
    if (req.method !== "POST" || !m) {
      res.writeHead(404).end();
      return;
    }
    mode = m[1];
    // Pooled keep-alive connections would bypass the new mode: drop them all.
    for (const s of open) s.destroy();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ mode }));
  });

  return new Promise((resolve, reject) => {
    relay.once("error", reject);
    control.once("error", reject);
    relay.listen(listenPort, host, () =>
      control.listen(controlPort, host, () =>
        resolve({
          close: () =>
            new Promise((done) => {
              for (const s of open) s.destroy();
              relay.close(() => control.close(() => done()));
            }),
        }),
      ),
    );
  });
}
