#!/usr/bin/env bash
# Lighthouse on the production-mode server (gunicorn, DEBUG off, whitenoise, compressed static):
# the home page, a list page and a detail page. Prints each category's score.
# Uses DATABASE_URL when set (e.g. the benchmark database), the embedded demo database otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${LIGHTHOUSE_PORT:-8043}
OUT=${LIGHTHOUSE_OUT:-var/lighthouse}
mkdir -p "$OUT"
export DJANGO_DEBUG=false DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-lighthouse-only-secret-key-0123456789abcdefghijklmnop}
export DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=false DJANGO_HSTS_SECONDS=0
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/gunicorn platform_site.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --log-level warning &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://localhost:$PORT/healthz" && break; sleep 0.2; done

detail=$(curl -fs "http://localhost:$PORT/en/projects/" | grep -o 'href="/en/projects/[^"?]*/"' | head -n1 | cut -d'"' -f2)
pages=("/en/" "/en/projects/" "${detail:-/en/projects/}")
cd tests/lighthouse
for path in "${pages[@]}"; do
  name=$(echo "$path" | tr -c 'a-z0-9\n' '_' | cut -c1-60)
  CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} npx --no-install lighthouse "http://localhost:$PORT$path" --quiet \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" \
    --only-categories=performance,accessibility,best-practices,seo \
    --output=json --output-path="../../$OUT/$name.json"
  node -e '
    const r = require(process.argv[1]);
    const s = Object.values(r.categories).map(c => `${c.title} ${Math.round(c.score * 100)}`).join(", ");
    console.log(`${process.argv[2]}: ${s}`);
  ' "$(realpath "../../$OUT/$name.json")" "$path"
done
