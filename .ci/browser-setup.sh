#!/usr/bin/env bash
# Installs what the dashboard browser test (system-tests DashboardBrowserTest) needs: Debian's
# chromium at /usr/bin/chromium and playwright-core (driving that chromium; Playwright's own
# browser downloads are never used) in dashboard-e2e/node_modules. Idempotent: does nothing that
# is already done. Needs node and npm on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x /usr/bin/chromium ]]; then
  if [[ "$(id -u)" -eq 0 ]]; then SUDO=(); else SUDO=(sudo); fi
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi
/usr/bin/chromium --version 2>/dev/null  # its wrapper script prints a harmless shell warning

command -v node >/dev/null || { echo "node is missing: install Node.js 18 or later" >&2; exit 1; }
cd dashboard-e2e
if [[ ! -d node_modules/playwright-core ]]; then
  if [[ -f package-lock.json ]]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  else
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund playwright-core@1
  fi
fi
node -e "require('playwright-core'); console.log('playwright-core ' + require('playwright-core/package.json').version)"
