// Built inside the pages-app's install (e2e/servers/v3-app.js): next, react and next-auth come
// from the parent folder's node_modules, which Turbopack must be allowed to read.
const path = require("path");

/** @type {import('next').NextConfig} */
module.exports = {
  poweredByHeader: false,
  turbopack: { root: path.join(__dirname, "..") },
  outputFileTracingRoot: path.join(__dirname, ".."),
};
