// Server: the referendum over HTTP (Hummingbird 2). Nothing below this module knows about HTTP.
//
//   Application/   buildApplication, buildRouter, the request context, `PlebisciteServer.run`
//   Auth/          role tokens: issuing, hashing, the middleware that reads them and the one that
//                  requires a role on a route group
//   Errors/        `APIError` (renders itself as JSON) and the status of each `ReferendumError`
//   Booth/         voter sessions of station devices, with their pending ballots (and nonces) in
//                  memory only, and the service that expires them
//   Controllers/   the JSON API: admin, station, guardian, observer, public
//   Observer/      turnout snapshots and the Server-Sent Events stream
//   Pages/         server-rendered Mustache pages in Ukrainian, Russian and English
//   Metrics/       Prometheus metrics (ballots cast, rejected by reason, latency) at /metrics
