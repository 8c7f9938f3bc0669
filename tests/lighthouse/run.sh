#!/usr/bin/env bash
# Lighthouse on the production-mode server (gunicorn, DEBUG off, whitenoise, compressed static):
# the home page, a list page and a detail page, each LIGHTHOUSE_RUNS times. Prints the median of
# each category.
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

# The first record card's title link: the list's first /en/projects/…/ link is its Atom feed.
detail=$(curl -fs "http://localhost:$PORT/en/projects/" | grep -o '<h3><a href="/en/projects/[^"?]*/"' | head -n1 | cut -d'"' -f2)
if [ -z "$detail" ]; then echo "No project on /en/projects/ to measure a detail page with." >&2; exit 1; fi
pages=("/en/" "/en/projects/" "$detail")
# A served site's caches are warm: the first request after a start would measure the start.
for path in "${pages[@]}"; do curl -fs -o /dev/null "http://localhost:$PORT$path"; done
# Performance varies from run to run (more so on a busy machine): each page is measured RUNS
# times and the median of each category printed, as Lighthouse's documentation advises.
RUNS=${LIGHTHOUSE_RUNS:-3}
cd tests/lighthouse
for path in "${pages[@]}"; do
  name=$(echo "$path" | tr -c 'a-z0-9\n' '_' | cut -c1-60)
  reports=()
  for run in $(seq 1 "$RUNS"); do
    # A trace Chrome failed to record (NO_NAVSTART, on a busy machine) is a run to do again.
    for attempt in 1 2 3; do
      CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium} npx --no-install lighthouse "http://localhost:$PORT$path" --quiet \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" \
        --only-categories=performance,accessibility,best-practices,seo \
        --output=json --output-path="../../$OUT/$name-$run.json" && break
      [ "$attempt" -lt 3 ] || exit 1
    done
    reports+=("$(realpath "../../$OUT/$name-$run.json")")
  done
  node -e '
    const [path, ...files] = process.argv.slice(1);
    const runs = files.map(file => require(file).categories);
    const median = values => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const s = Object.keys(runs[0]).map(key => {
      const scores = runs.map(categories => Math.round(categories[key].score * 100));
      return `${runs[0][key].title} ${median([...scores])}` + (files.length > 1 ? ` (${scores.join("/")})` : "");
    }).join(", ");
    console.log(`${path}: ${s}`);
  ' "$path" "${reports[@]}"
done
